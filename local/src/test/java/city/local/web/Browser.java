package city.local.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven by its own chromedriver (no Selenium Manager, nothing downloaded). Without the
 * two binaries a developer's run skips the browser tests; CI sets {@code CITY_BROWSER_TESTS=required} and installs
 * them, so there they always run.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CITY_CHROMIUM", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CITY_CHROMEDRIVER", "/usr/bin/chromedriver"));
  static final Dimension DESKTOP = new Dimension(1366, 768);
  static final Dimension PHONE = new Dimension(390, 844);
  /** Loading a page and its first API answers on a busy machine. */
  static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  static Browser start() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    Assumptions.assumeTrue(installed || "required".equals(System.getenv("CITY_BROWSER_TESTS")),
        "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-proxy-server", "--no-first-run", "--disable-extensions", "--disable-background-networking",
        "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(PAGE_TIMEOUT);
    driver.manage().timeouts().scriptTimeout(PAGE_TIMEOUT);
    return new Browser(driver);
  }

  /** Opens a page with nothing kept from the last one: no token, no language choice, no saved reports. */
  void openFresh(String url) {
    driver.get(url.replaceFirst("#.*", "") + "?blank");
    driver.executeScript("sessionStorage.clear(); localStorage.clear();");
    driver.get(url);
  }

  WebElement await(By locator, Duration timeout) {
    return new WebDriverWait(driver, timeout).until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  WebElement await(By locator) {
    return await(locator, PAGE_TIMEOUT);
  }

  List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  Object script(String javascript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
  }

  /** The page at both sizes the README shows, into target/screenshots (docs/ keeps the current ones). */
  void screenshots(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      for (Dimension size : List.of(DESKTOP, PHONE)) {
        driver.manage().window().setSize(size);
        // the map redraws for its new size; a frame later the page is what a person would see
        driver.executeAsyncScript("const done = arguments[0]; window.dispatchEvent(new Event('resize'));"
            + " requestAnimationFrame(() => requestAnimationFrame(done));");
        Files.write(SCREENSHOTS.resolve(name + "-" + size.width + "x" + size.height + ".png"),
            driver.getScreenshotAs(OutputType.BYTES));
      }
      driver.manage().window().setSize(DESKTOP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
