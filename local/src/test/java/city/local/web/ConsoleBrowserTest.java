package city.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.Twin;
import city.local.TwinOptions;
import city.local.mqtt.ThingPolicy;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ops console in headless chromium against a real twin (dynalite, the MQTT broker, the HTTP API): sign-in, the
 * map's spaces and their live status, the board, the call-taker's intake. One twin and one browser for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  /** The promise: a change published over MQTT is on the map within 5 s. */
  private static final Duration LIVE = Duration.ofSeconds(5);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Twin twin;
  private static Browser browser;
  private static MqttClient mqtt;
  private static String opsToken;
  /** The call-taker's work order, filed in one test and resolved in the next. */
  private static String filedWorkOrder;

  @BeforeAll
  static void twinAndBrowser() throws Exception {
    twin = Twin.start(TwinOptions.inMemory());
    opsToken = twin.token("ops-browser", "ops", List.of());
    mqtt = new MqttClient("tcp://127.0.0.1:" + twin.mqttPort(), "console-test", new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setUserName(ThingPolicy.OPERATOR);
    options.setPassword(twin.mqttOperatorPassword().toCharArray());
    mqtt.connect(options);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (mqtt != null && mqtt.isConnected()) {
      mqtt.disconnect();
      mqtt.close();
    }
    if (twin != null) {
      twin.close();
    }
  }

  private static void signInThroughTheFragment() {
    browser.openFresh(twin.consoleUrl() + "#token=" + opsToken);
    browser.await(By.cssSelector("body[data-signed-in='true']"));
  }

  @Test
  @Order(1)
  void aTokenPastedIntoTheFormSignsIn() {
    browser.openFresh(twin.consoleUrl().toString());
    WebElement form = browser.await(By.id("sign-in"));
    form.findElement(By.name("token")).sendKeys(opsToken);
    form.submit();
    browser.await(By.cssSelector("body[data-signed-in='true']"));
    assertNull(browser.driver.findElement(By.id("signed-in")).getAttribute("hidden"), "the desk is shown");
    assertEquals("", browser.script("return location.hash"), "the token left the address bar");
  }

  @Test
  @Order(2)
  void theConsoleRefusesACitizenToken() {
    browser.openFresh(twin.consoleUrl().toString());
    WebElement form = browser.await(By.id("sign-in"));
    form.findElement(By.name("token")).sendKeys(twin.token("citizen-1", "citizen", List.of("京A12345")));
    form.submit();
    WebElement error = browser.await(By.cssSelector("#sign-in-error[data-status='403']"));
    assertTrue(error.getText().contains("citizen"), error.getText());
    assertTrue(browser.all(By.cssSelector("body[data-signed-in]")).isEmpty(), "not signed in");
    assertEquals(null, browser.script("return sessionStorage.getItem('city.token')"), "the refused token is not kept");
  }

  @Test
  @Order(3)
  void theMapShowsEverySpaceOfTheCityWithItsStatus() throws IOException {
    signInThroughTheFragment();
    Set<String> declared = StreamSupport.stream(sampleCity().path("parking").path("zones").spliterator(), false)
        .flatMap(zone -> StreamSupport.stream(zone.path("spaces").spliterator(), false))
        .map(space -> space.path("spaceId").asText())
        .collect(Collectors.toSet());
    new WebDriverWait(browser.driver, Browser.PAGE_TIMEOUT).until(d ->
        d.findElements(By.cssSelector("#map [data-space-id][data-status]")).size() == declared.size());
    Set<String> shown = browser.all(By.cssSelector("#map [data-space-id][data-status]")).stream()
        .map(e -> e.getAttribute("data-space-id")).collect(Collectors.toSet());
    assertEquals(declared, shown);
    assertEquals(sampleCity().path("bikeshare").path("stations").size(),
        browser.all(By.cssSelector("#map [data-station-id][data-bikes]")).size(), "every bike station");
  }

  @Test
  @Order(4)
  void anOccupancyPublishedOverMqttShowsOnTheMapWithinFiveSeconds() throws Exception {
    signInThroughTheFragment();
    By s2 = By.cssSelector("#map [data-space-id='S2']");
    browser.await(By.cssSelector("#map [data-space-id='S2'][data-status='unknown']"));
    publish("parking/spaces/S2/occupancy", "{\"occupied\": true, \"ts\": \"" + recentDeviceTime() + "\", \"seq\": 1}");
    long published = System.nanoTime();
    browser.await(By.cssSelector("#map [data-space-id='S2'][data-status='occupied']"), LIVE);
    long millis = (System.nanoTime() - published) / 1_000_000;
    assertEquals("occupied", browser.driver.findElement(s2).getAttribute("data-status"), "seen after " + millis + " ms");
  }

  @Test
  @Order(5)
  void aStationsDockReportShowsItsBikesOnTheMap() throws Exception {
    signInThroughTheFragment();
    browser.await(By.cssSelector("#map [data-station-id='B1'][data-bikes='unknown']"));
    publish("bikeshare/stations/B1/status", "{\"bikes\": 7, \"docks\": 9, \"ts\": \"" + recentDeviceTime() + "\"}");
    browser.await(By.cssSelector("#map [data-station-id='B1'][data-bikes='7']"), LIVE);
  }

  @Test
  @Order(6)
  void theSnapshotIsOneRequestThatRevalidatesWithItsEtag() throws Exception {
    HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + "/ops/snapshot")));
    assertEquals(200, first.statusCode(), first.body());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + "/ops/snapshot"))
        .header("If-None-Match", etag));
    assertEquals(304, again.statusCode(), "nothing changed between the two requests");
    HttpResponse<String> page = send(HttpRequest.newBuilder(twin.consoleUrl()));
    HttpResponse<String> pageAgain = send(HttpRequest.newBuilder(twin.consoleUrl())
        .header("If-None-Match", page.headers().firstValue("ETag").orElseThrow()));
    assertEquals(304, pageAgain.statusCode(), "the page revalidates too");
    assertEquals(404, send(HttpRequest.newBuilder(URI.create(twin.consoleUrl() + "..%2F..%2Fpom.xml"))).statusCode());
  }

  @Test
  @Order(7)
  void aSensorsAlertAppearsOnTheBoard() throws Exception {
    signInThroughTheFragment();
    publish("safety/sensors/F1/alerts",
        "{\"category\": \"fire\", \"severity\": \"high\", \"ts\": \"" + recentDeviceTime() + "\"}");
    assertTrue(twin.awaitIdle(Duration.ofSeconds(20)));
    JsonNode incidents = get("/ops/incidents").path("incidents");
    JsonNode fire = StreamSupport.stream(incidents.spliterator(), false)
        .filter(i -> "sensor".equals(i.path("source").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no incident from the alert: " + incidents));
    // the board is redrawn when the city changes: the row is found by its attributes, never held
    browser.await(By.cssSelector("#board tr[data-incident-id='" + fire.path("incidentId").asText() + "'][data-priority='"
        + fire.path("priority").asText() + "']"));
  }

  @Test
  @Order(8)
  void theCommandCentreSendsTheUnitItChoosesFromTheActionForm() throws Exception {
    String fire = StreamSupport.stream(get("/ops/incidents").path("incidents").spliterator(), false)
        .filter(i -> "sensor".equals(i.path("source").asText())).findFirst().orElseThrow().path("incidentId").asText();
    // U1 is nearest to the fire's sensor and takes it from the queue; U2 is free beside it
    for (String unitId : List.of("U1", "U2")) {
      publish("units/" + unitId + "/status", "{\"kind\": \"fire\", \"status\": \"available\", \"lat\": 36.5141,"
          + " \"lon\": 118.5432, \"ts\": \"" + recentDeviceTime() + "\"}");
    }
    assertTrue(twin.awaitIdle(Duration.ofSeconds(20)));
    String first = get("/ops/workorders/" + fire).path("unitId").asText();
    String chosen = first.equals("U1") ? "U2" : "U1";
    signInThroughTheFragment();
    browser.await(By.cssSelector("#workorders tr[data-workorder-id='" + fire + "']")).findElement(By.cssSelector("button")).click();
    WebElement form = browser.await(By.cssSelector("#workorder-action[data-workorder-id='" + fire + "']"));
    browser.await(By.cssSelector("#workorder-assign-unit option[value='" + chosen + "']"));
    new Select(form.findElement(By.name("unitId"))).selectByValue(chosen);
    form.findElement(By.cssSelector("button[value=assign]")).click();
    browser.await(By.cssSelector("#workorder-action-result[data-workorder-id='" + fire + "'][data-status='assigned']"));
    assertEquals(chosen, get("/ops/workorders/" + fire).path("unitId").asText(), "instead of " + first);
  }

  @Test
  @Order(9)
  void aCallTakerFilesAReportThroughTheFormAndItIsAWorkOrderOnTheBoard() throws Exception {
    signInThroughTheFragment();
    WebElement form = browser.await(By.id("intake"));
    new WebDriverWait(browser.driver, Browser.PAGE_TIMEOUT).until(d -> !form.findElements(By.cssSelector("option")).isEmpty());
    new Select(form.findElement(By.name("service_code"))).selectByValue("pothole");
    form.findElement(By.name("address_string")).sendKeys("Old Town Street 12");
    form.findElement(By.name("lat")).sendKeys("36.5141");
    form.findElement(By.name("long")).sendKeys("118.5432");
    form.findElement(By.name("description")).sendKeys("caller: a deep pothole in the right lane");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    String id = browser.await(By.cssSelector("#intake-result[data-workorder-id]")).getAttribute("data-workorder-id");
    filedWorkOrder = id;
    // a pothole is priority 4 in the sample city; the call-taker vouched for it, so it does not await confirmation
    browser.await(By.cssSelector("#workorders tr[data-workorder-id='" + id + "'][data-priority='4']"));
    browser.await(By.cssSelector("#board tr[data-incident-id='" + id + "'][data-priority='4']"));
    assertTrue(browser.all(By.cssSelector("#board tr[data-incident-id='" + id + "'][data-status='awaiting_confirmation']")).isEmpty());
    JsonNode order = get("/ops/workorders/" + id);
    assertEquals("phone", order.path("channel").asText(), "filed through the 12345 intake, not Open311");
    assertEquals(1, order.path("reportCount").asInt());
  }

  @Test
  @Order(10)
  void resolvingAWorkOrderFromTheConsoleClosesItAndTheFollowUpRatesIt() throws Exception {
    signInThroughTheFragment();
    String id = filedWorkOrder;
    By row = By.cssSelector("#workorders tr[data-workorder-id='" + id + "']");
    browser.await(row).findElement(By.cssSelector("button")).click();
    WebElement form = browser.await(By.cssSelector("#workorder-action[data-workorder-id='" + id + "']"));
    form.findElement(By.name("note")).sendKeys("filled and rolled the same day");
    form.findElement(By.cssSelector("button[value=resolve]")).click();
    browser.await(By.cssSelector("#workorder-action-result[data-workorder-id='" + id + "'][data-status='closed']"));
    new WebDriverWait(browser.driver, Browser.PAGE_TIMEOUT).until(d -> d.findElements(row).isEmpty());
    JsonNode order = get("/ops/workorders/" + id);
    assertEquals("closed", order.path("status").asText());
    assertEquals("filled and rolled the same day", order.path("resolution").asText());
    assertTrue(order.path("closedOnTime").asBoolean(), "closed within its deadline");

    // closed and not rated: it waits for the call-taker's follow-up, which rates it
    browser.await(By.cssSelector("#followups [data-workorder-id='" + id + "'] button")).click();
    browser.await(By.cssSelector("#workorder-action[data-workorder-id='" + id + "']"));
    new Select(form.findElement(By.name("rating"))).selectByValue("4");
    form.findElement(By.name("comment")).sendKeys("caller: the road is smooth again");
    form.findElement(By.cssSelector("button[value=followup]")).click();
    new WebDriverWait(browser.driver, Browser.PAGE_TIMEOUT).until(d ->
        d.findElements(By.cssSelector("#followups [data-workorder-id='" + id + "']")).isEmpty());
    JsonNode rated = get("/ops/workorders/" + id);
    assertEquals(4, rated.path("rating").asInt());
    assertEquals("closed", rated.path("status").asText(), "rated, not reopened");

    // the 12345 figure plots the department's on-time and satisfaction rates: this one closure, on time, rated 4
    signInThroughTheFragment();
    String department = order.path("department").asText();
    new WebDriverWait(browser.driver, Browser.PAGE_TIMEOUT).until(d -> Boolean.TRUE.equals(browser.script(
        "const c = Chart.getChart(document.getElementById('figure-hotline'));"
            + "if (!c) return false; const i = c.data.labels.indexOf(arguments[0]);"
            + "return i >= 0 && c.data.datasets[0].data[i] === 100 && c.data.datasets[1].data[i] === 100;", department)));
  }

  @Test
  @Order(11)
  void screenshots() throws Exception {
    HttpResponse<String> filed = send(HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + "/ops/workorders"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"service_code\": \"streetlight\", \"lat\": 36.512, \"long\": 118.541,"
            + " \"description\": \"caller: the streetlight at the school gate is out\"}")));
    assertEquals(201, filed.statusCode(), filed.body());
    signInThroughTheFragment();
    new WebDriverWait(browser.driver, Browser.PAGE_TIMEOUT).until(d ->
        !d.findElements(By.cssSelector("#board tr[data-incident-id]")).isEmpty()
            && !d.findElements(By.cssSelector("#workorders tr[data-workorder-id]")).isEmpty());
    browser.screenshots("console");
  }

  private static void publish(String topic, String payload) throws Exception {
    mqtt.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  private static String recentDeviceTime() {
    return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).minusSeconds(5).toString();
  }

  private static JsonNode sampleCity() throws IOException {
    return Json.parse(Files.readString(TwinOptions.sampleCity(Path.of("..").toAbsolutePath().normalize())));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.header("Authorization", "Bearer " + opsToken).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + path)));
    assertEquals(200, response.statusCode(), response.body());
    return Json.parse(response.body());
  }
}
