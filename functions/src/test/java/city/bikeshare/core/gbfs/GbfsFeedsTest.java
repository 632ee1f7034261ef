package city.bikeshare.core.gbfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.StationState;
import city.bikeshare.core.closure.StationClosure;
import city.platform.City;
import city.platform.Json;
import city.platform.TestCity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Every file of the feed, built from the sample county, against the official v3.0 schemas. */
class GbfsFeedsTest {
  static final String BASE = "https://api.example.org";
  static final Instant NOW = Instant.parse("2026-11-28T01:00:07.123Z");

  private final BikeshareLayout layout = BikeshareLayout.of(TestCity.sample());
  private final GbfsFeeds feeds = new GbfsFeeds(layout);

  /** Two stations reported (one full, one empty), the rest never did. */
  private List<StationState> someReports() {
    OffsetDateTime at = OffsetDateTime.parse("2026-11-28T08:59:30+08:00");
    return List.of(
        new StationState("B1", 16, 0, at, 15, at.minusMinutes(5)),
        new StationState("B2", 0, 16, at, 1, at.minusMinutes(5)));
  }

  private Map<GbfsFile, ObjectNode> allFiles() {
    return Map.of(
        GbfsFile.GBFS, feeds.discovery(BASE),
        GbfsFile.GBFS_VERSIONS, feeds.versions(BASE),
        GbfsFile.SYSTEM_INFORMATION, feeds.systemInformation(),
        GbfsFile.VEHICLE_TYPES, feeds.vehicleTypes(),
        GbfsFile.STATION_INFORMATION, feeds.stationInformation(),
        GbfsFile.STATION_STATUS, feeds.stationStatus(someReports(), List.of(), Set.of(), NOW),
        GbfsFile.SYSTEM_PRICING_PLANS, feeds.pricingPlans(),
        GbfsFile.SYSTEM_ALERTS, feeds.systemAlerts(someClosures(), NOW));
  }

  /** A fire closes B1 and B2; later a flood closes B2 as well. */
  private static List<StationClosure> someClosures() {
    Instant fire = Instant.parse("2026-11-28T00:40:00Z");
    return List.of(
        new StationClosure("B2", "A-F1-20261128T004000000Z", "fire", fire),
        new StationClosure("B1", "A-F1-20261128T004000000Z", "fire", fire),
        new StationClosure("B2", "A-F2-20261128T005000000Z", "flood", fire.plusSeconds(600)));
  }

  @Test
  void systemAlertsNameTheClosedStationsPerIncidentInTheSystemsLanguage() {
    JsonNode alerts = feeds.systemAlerts(someClosures(), NOW).path("data").path("alerts");
    assertEquals(2, alerts.size(), alerts.toString());
    JsonNode fire = alerts.get(0);
    assertEquals("A-F1-20261128T004000000Z", fire.path("alert_id").asText());
    assertEquals("station_closure", fire.path("type").asText());
    assertEquals(List.of("B1", "B2"), List.of(fire.path("station_ids").get(0).asText(), fire.path("station_ids").get(1).asText()));
    assertEquals("2026-11-28T08:40:00+08:00", fire.path("times").get(0).path("start").asText());
    assertFalse(fire.path("times").get(0).has("end"), "in force until the incident ends");
    assertEquals("zh-CN", fire.path("summary").get(0).path("language").asText(), "the sample county's language");
    assertEquals("站点临时关闭", fire.path("summary").get(0).path("text").asText());
    assertTrue(fire.path("description").get(0).path("text").asText().contains("火情"), fire.toString());
    assertEquals(1, alerts.get(1).path("station_ids").size());
    assertEquals(List.of(), GbfsSchemaValidator.validate("system_alerts", feeds.systemAlerts(List.of(), NOW)),
        "no alerts is a valid file too");
    ObjectNode wrongType = feeds.systemAlerts(someClosures(), NOW);
    ((ObjectNode) wrongType.path("data").path("alerts").get(0)).put("type", "closure");
    assertFalse(GbfsSchemaValidator.validate("system_alerts", wrongType).isEmpty(), "the schema checks the type");
  }

  @Test
  void aCityInAnotherLanguageGetsEnglishLabelledAsEnglish() {
    ObjectNode root = TestCity.sample().root().deepCopy();
    ((ObjectNode) root.get("bikeshare").get("system")).put("language", "fr");
    JsonNode alert = new GbfsFeeds(BikeshareLayout.of(City.parse(root))).systemAlerts(someClosures(), NOW)
        .path("data").path("alerts").get(0);
    assertEquals("en", alert.path("summary").get(0).path("language").asText());
    assertEquals("Station temporarily closed", alert.path("summary").get(0).path("text").asText());
  }

  @Test
  void aClosedStationNeitherRentsNorReturnsWhateverItsDockReports() {
    JsonNode stations = feeds.stationStatus(someReports(), someClosures(), Set.of(), NOW).path("data").path("stations");
    assertEquals("B1", stations.get(0).path("station_id").asText());
    assertEquals(16, stations.get(0).path("num_vehicles_available").asInt(), "the bikes are still there");
    assertFalse(stations.get(0).path("is_renting").asBoolean());
    assertFalse(stations.get(0).path("is_returning").asBoolean());
    assertTrue(stations.get(0).path("is_installed").asBoolean());
    JsonNode open = feeds.stationStatus(someReports(), List.of(), Set.of(), NOW).path("data").path("stations").get(0);
    assertTrue(open.path("is_renting").asBoolean() && open.path("is_returning").asBoolean(), "lifted: B1 reported");
  }

  @Test
  void aSilentDocksStationIsInstalledButNotRentingAndStillReturning() {
    JsonNode b1 = feeds.stationStatus(someReports(), List.of(), Set.of("B1"), NOW).path("data").path("stations").get(0);
    assertEquals("B1", b1.path("station_id").asText());
    assertTrue(b1.path("is_installed").asBoolean());
    assertFalse(b1.path("is_renting").asBoolean());
    assertTrue(b1.path("is_returning").asBoolean());
    JsonNode closedToo = feeds.stationStatus(someReports(), someClosures(), Set.of("B1"), NOW).path("data")
        .path("stations").get(0);
    assertFalse(closedToo.path("is_returning").asBoolean(), "a closure still stops returns");
  }

  @Test
  void everyPublishedFileValidatesAgainstItsOfficialSchema() {
    assertEquals(List.of(GbfsFile.values()), feeds.published(), "the sample county configures pricing");
    allFiles().forEach((file, body) ->
        assertEquals(List.of(), GbfsSchemaValidator.validate(file.feedName(), body), file.feedName()));
  }

  @Test
  void theValidatorRejectsWhatTheSpecForbids() {
    ObjectNode status = feeds.stationStatus(someReports(), List.of(), Set.of(), NOW);
    ((ObjectNode) status.path("data").path("stations").get(0)).remove("is_renting");
    assertFalse(GbfsSchemaValidator.validate("station_status", status).isEmpty());
    ObjectNode system = feeds.systemInformation();
    ((ObjectNode) system.get("data")).put("feed_contact_email", "not an email");
    assertFalse(GbfsSchemaValidator.validate("system_information", system).isEmpty());
    ObjectNode discovery = feeds.discovery(BASE);
    discovery.put("last_updated", "2026-11-28T09:00+08:00");
    assertFalse(GbfsSchemaValidator.validate("gbfs", discovery).isEmpty(), "RFC 3339 needs seconds");
  }

  @Test
  void discoveryListsEveryOtherFileAtAbsoluteUrls() {
    JsonNode feedsList = feeds.discovery(BASE).path("data").path("feeds");
    List<String> names = new ArrayList<>();
    for (JsonNode feed : feedsList) {
      names.add(feed.path("name").asText());
      assertEquals(BASE + "/gbfs/" + feed.path("name").asText() + ".json", feed.path("url").asText());
    }
    assertEquals(List.of("gbfs_versions", "system_information", "vehicle_types", "station_information",
        "station_status", "system_pricing_plans", "system_alerts"), names);
    assertEquals(BASE + "/gbfs/gbfs.json", feeds.versions(BASE).path("data").path("versions").get(0).path("url").asText());
  }

  @Test
  void ttlAndLastUpdatedFollowHowOftenEachFileChanges() {
    Map<GbfsFile, ObjectNode> files = allFiles();
    files.forEach((file, body) -> {
      assertEquals(file.ttlSeconds(), body.path("ttl").asInt(), file.feedName());
      assertEquals("3.0", body.path("version").asText());
    });
    assertEquals(60, GbfsFile.STATION_STATUS.ttlSeconds());
    assertEquals("2026-11-28T09:00:07+08:00", files.get(GbfsFile.STATION_STATUS).path("last_updated").asText(),
        "status is as of the request, whole seconds, in the system's zone");
    assertEquals("2026-11-01T00:00:00+08:00", files.get(GbfsFile.STATION_INFORMATION).path("last_updated").asText(),
        "static files are as of the layout's last change, seconds included");
  }

  @Test
  void stationStatusCoversEveryStationWithDocksAvailableAlways() {
    JsonNode stations = feeds.stationStatus(someReports(), List.of(), Set.of(), NOW).path("data").path("stations");
    assertEquals(layout.stations().size(), stations.size());
    for (JsonNode station : stations) {
      assertTrue(station.has("num_docks_available"), station.toString());
      assertEquals(station.path("num_vehicles_available").asInt(),
          station.path("vehicle_types_available").get(0).path("count").asInt());
    }
    JsonNode full = stations.get(0);
    assertEquals("B1", full.path("station_id").asText());
    assertEquals(16, full.path("num_vehicles_available").asInt());
    assertEquals(0, full.path("num_docks_available").asInt());
    assertEquals("2026-11-28T08:59:30+08:00", full.path("last_reported").asText());
    assertTrue(full.path("is_renting").asBoolean());
    JsonNode silent = stations.get(2);
    assertEquals("B3", silent.path("station_id").asText());
    assertFalse(silent.path("is_renting").asBoolean(), "a station that never reported rents nothing");
    assertEquals(0, silent.path("num_docks_available").asInt());
  }

  @Test
  void pricingIsInCurrencyUnitsFromFen() {
    JsonNode plan = feeds.pricingPlans().path("data").path("plans").get(0);
    assertEquals("standard", plan.path("plan_id").asText());
    assertEquals("CNY", plan.path("currency").asText());
    assertEquals(1.5, plan.path("price").asDouble());
    assertEquals(1.0, plan.path("per_min_pricing").get(0).path("rate").asDouble());
    assertEquals(30, plan.path("per_min_pricing").get(0).path("start").asInt());
    assertEquals("standard", feeds.vehicleTypes().path("data").path("vehicle_types").get(0)
        .path("default_pricing_plan_id").asText());
  }

  @Test
  void withoutPricingTheFileIsNotPublished() {
    ObjectNode root = TestCity.sample().root().deepCopy();
    ((ObjectNode) root.get("bikeshare")).remove("pricingPlans");
    GbfsFeeds noPricing = new GbfsFeeds(BikeshareLayout.of(City.parse(root)));
    assertFalse(noPricing.published().contains(GbfsFile.SYSTEM_PRICING_PLANS));
    assertFalse(noPricing.vehicleTypes().toString().contains("pricing_plan"));
    assertEquals(List.of(), GbfsSchemaValidator.validate("vehicle_types", noPricing.vehicleTypes()));
    assertEquals(List.of(), GbfsSchemaValidator.validate("gbfs", noPricing.discovery(BASE)));
  }

  /**
   * Size of the files that grow with the city, for a synthetic city of 10 000 stations with ids like
   * "B12345": station_status is the one fetched every ttl, so it must stay small per station.
   */
  @Test
  void sizeOfALargeCity() throws IOException {
    ObjectNode root = TestCity.sample().root().deepCopy();
    var stations = ((ObjectNode) root.get("bikeshare")).putArray("stations");
    List<StationState> reports = new ArrayList<>();
    OffsetDateTime at = OffsetDateTime.parse("2026-11-28T08:59:30+08:00");
    int count = 10_000;
    for (int i = 0; i < count; i++) {
      String id = "B" + (10_000 + i);
      stations.addObject().put("stationId", id).put("name", "Bike station " + i)
          .put("lat", 36.5 + (i % 100) * 0.001).put("lon", 118.5 + (i / 100) * 0.001).put("capacity", 20);
      reports.add(new StationState(id, i % 21, 20 - i % 21, at.minusSeconds(i % 600), 0, at.minusHours(1)));
    }
    GbfsFeeds large = new GbfsFeeds(BikeshareLayout.of(City.parse(root)));
    byte[] status = Json.write(large.stationStatus(reports, List.of(), Set.of(), NOW)).getBytes(StandardCharsets.UTF_8);
    byte[] information = Json.write(large.stationInformation()).getBytes(StandardCharsets.UTF_8);
    double statusPerStation = (double) status.length / count;
    double statusGzipPerStation = (double) gzip(status) / count;
    double informationPerStation = (double) information.length / count;
    System.out.printf("GBFS size, %d stations: station_status %d B (%.1f B/station, gzip %.1f B/station), "
            + "station_information %d B (%.1f B/station, gzip %.1f B/station)%n",
        count, status.length, statusPerStation, statusGzipPerStation, information.length, informationPerStation,
        (double) gzip(information) / count);
    assertTrue(statusPerStation < 250, "station_status grew to " + statusPerStation + " B per station");
    assertTrue(statusGzipPerStation < 40, "station_status compresses to " + statusGzipPerStation + " B per station");
    assertTrue(status.length + information.length < 6 * 1024 * 1024, "a Lambda response is at most 6 MB");
    assertEquals(List.of(), GbfsSchemaValidator.validate("station_status", Json.MAPPER.readTree(status)));
    DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(Json.MAPPER.readTree(status).path("last_updated").asText());
  }

  private static int gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.size();
  }
}
