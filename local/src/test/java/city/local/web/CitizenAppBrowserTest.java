package city.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.Twin;
import city.local.TwinOptions;
import city.local.mqtt.ThingPolicy;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen app in headless chromium against a real twin: free spaces per zone, a session paid once despite a
 * double click, a report filed and followed. One twin and one browser for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitizenAppBrowserTest {
  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
  private static final String PLATE = "京A12345";
  /** Yesterday 10:00-11:40 at S1 (class I, day rate): 1750 fen, whatever time the test runs. */
  private static final OffsetDateTime PARKED = OffsetDateTime.now(CHINA).toLocalDate().minusDays(1).atTime(10, 0).atOffset(CHINA);
  private static final String SESSION = "S1-" + PARKED.toLocalDate().toString().replace("-", "") + "-1";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Twin twin;
  private static Browser browser;
  private static String citizen;

  @BeforeAll
  static void twinWithASessionToPay() throws Exception {
    twin = Twin.start(TwinOptions.inMemory());
    citizen = twin.token("citizen-browser", "citizen", List.of(PLATE));
    MqttClient mqtt = new MqttClient("tcp://127.0.0.1:" + twin.mqttPort(), "app-test", new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setUserName(ThingPolicy.OPERATOR);
    options.setPassword(twin.mqttOperatorPassword().toCharArray());
    mqtt.connect(options);
    try {
      mqtt.publish("parking/cameras/C1/plates", Json.bytes(Map.of("spaceId", "S1", "plate", PLATE,
          "ts", PARKED.plusMinutes(1).toString(), "confidence", 0.95)), 1, false);
      mqtt.publish("parking/spaces/S1/occupancy", Json.bytes(Map.of("occupied", true, "ts", PARKED.toString(), "seq", 1)), 1, false);
      mqtt.publish("parking/spaces/S1/occupancy", Json.bytes(Map.of("occupied", false, "ts", PARKED.plusMinutes(100).toString(),
          "seq", 2)), 1, false);
      mqtt.publish("parking/spaces/S2/occupancy", Json.bytes(Map.of("occupied", false,
          "ts", OffsetDateTime.now(CHINA).truncatedTo(ChronoUnit.SECONDS).minusMinutes(1).toString(), "seq", 1)), 1, false);
    } finally {
      mqtt.disconnect();
      mqtt.close();
    }
    assertTrue(twin.awaitIdle(Duration.ofSeconds(20)));
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (twin != null) {
      twin.close();
    }
  }

  @Test
  @Order(1)
  void freeParkingIsListedPerZoneWithEachSpacesStatus() {
    browser.openFresh(twin.appUrl().toString());
    new WebDriverWait(browser.driver, Browser.PAGE_TIMEOUT).until(d -> d.findElements(By.cssSelector("#zones [data-zone]")).size() == 3);
    // the list is redrawn every few seconds: spaces are found by their attributes, never held
    browser.await(By.cssSelector("#zones [data-zone='Z1'] [data-space-id='S2'][data-status='free']"));
    browser.await(By.cssSelector("#zones [data-zone='Z1'] [data-space-id='S3'][data-status='unknown']"));
    assertEquals(sampleSpaces(), browser.all(By.cssSelector("#zones [data-space-id][data-status]")).size(), "every space listed");
  }

  @Test
  @Order(2)
  void aDoubleClickOnPayPaysTheSessionOnce() throws Exception {
    browser.openFresh(twin.appUrl() + "#token=" + citizen);
    browser.await(By.cssSelector("body[data-signed-in='true']"));
    WebElement pay = browser.await(By.cssSelector("[data-session-id='" + SESSION + "'] button.pay"));
    new Actions(browser.driver).doubleClick(pay).perform();
    WebElement paid = browser.await(By.cssSelector("[data-session-id='" + SESSION + "'] .paid"));
    new WebDriverWait(browser.driver, Browser.PAGE_TIMEOUT).until(d -> ((Number) browser.script(
        "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/payments') && e.responseEnd > 0).length"))
        .intValue() == 2);
    assertEquals("", browser.driver.findElement(By.cssSelector("[data-session-id='" + SESSION + "'] .error")).getText(),
        "the second click got the first click's answer, not an error");

    JsonNode receipt = get("/parking/sessions/" + SESSION, citizen);
    assertTrue(receipt.path("paid").asBoolean(), receipt.toString());
    assertEquals(receipt.path("payment").path("paymentId").asText(), paid.getAttribute("data-payment-id"));
    JsonNode summary = get("/ops/parking/summary", twin.token("ops-browser", "ops", List.of()));
    assertEquals(1, summary.path("paid").asInt(), summary.toString());
    assertEquals(1750, summary.path("paidAmount").asLong(), "charged once: " + summary);
  }

  @Test
  @Order(3)
  void aReportFiledInTheAppIsFollowedUnderMyReports() {
    browser.openFresh(twin.appUrl() + "#token=" + citizen);
    WebElement form = browser.await(By.id("report"));
    new WebDriverWait(browser.driver, Browser.PAGE_TIMEOUT).until(d -> !form.findElements(By.cssSelector("option")).isEmpty());
    browser.await(By.cssSelector("body[data-signed-in='true']"));
    new Select(form.findElement(By.name("service_code"))).selectByValue("streetlight");
    form.findElement(By.name("description")).sendKeys("the lamp at the bus stop is out");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    String id = browser.await(By.cssSelector("#report-result[data-request-id]")).getAttribute("data-request-id");
    browser.await(By.cssSelector("#reports [data-request-id='" + id + "'][data-status]"));
  }

  @Test
  @Order(4)
  void screenshots() {
    browser.openFresh(twin.appUrl() + "#token=" + citizen);
    browser.await(By.cssSelector("#zones [data-zone]"));
    browser.await(By.cssSelector("body[data-signed-in='true']"));
    browser.screenshots("app");
  }

  private static int sampleSpaces() {
    JsonNode zones = get("/parking/zones", null).path("zones");
    int spaces = 0;
    for (JsonNode zone : zones) {
      spaces += zone.path("spaces").size();
    }
    return spaces;
  }

  private static JsonNode get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertEquals(200, response.statusCode(), response.body());
    return Json.parse(response.body());
  }
}
