package city.bikeshare.core;

import city.platform.City;
import city.platform.GeoPoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The city file's bike-share section: the system as riders see it, the docking stations, the depot, the
 * rebalancing trucks, the pricing plans and the planner's settings.
 *
 * @param layoutUpdatedAt when stations, system or pricing last changed: the {@code last_updated} of the
 *     static GBFS files
 */
public record BikeshareLayout(
    SystemInfo system,
    ZoneId timeZone,
    GeoPoint depot,
    OffsetDateTime layoutUpdatedAt,
    List<Station> stations,
    List<Truck> trucks,
    List<PricingPlan> pricingPlans,
    Planning planning,
    Map<String, Station> stationsById) {

  public record Station(String stationId, String name, GeoPoint position, int capacity) {}

  /** A truck of the fleet; {@code home} is where it is assumed to be until it reports a position. */
  public record Truck(String truckId, int capacity, GeoPoint home) {}

  public record SystemInfo(
      String systemId, String name, String operator, String language, String openingHours,
      String feedContactEmail, Optional<String> url) {}

  /** Money in fen; GBFS gets currency units. */
  public record PricingPlan(
      String planId, String name, String description, String currency, long priceFen, boolean taxable,
      List<PerMinuteRate> perMinute) {}

  /** From {@code startMinute} on, {@code rateFen} is charged for every started {@code intervalMinutes}. */
  public record PerMinuteRate(int startMinute, long rateFen, int intervalMinutes) {}

  /**
   * @param every how often a fresh plan is wanted; the schedule skips a run when a plan younger than half of
   *     this exists (for example one an operator just asked for)
   * @param horizon how far ahead targets look: a plan must keep stations usable until roughly the next one
   *     has been carried out
   * @param minMoveBikes smaller corrections are not worth a truck stop
   * @param solverTime the solver's safety cap; it normally stops earlier on its iteration limits
   */
  public record Planning(Duration every, Duration horizon, int minMoveBikes, Duration solverTime, long seed) {}

  private static final Planning DEFAULT_PLANNING =
      new Planning(Duration.ofMinutes(20), Duration.ofMinutes(120), 2, Duration.ofSeconds(10), 1L);

  public static BikeshareLayout of(City city) {
    JsonNode section = city.section("bikeshare");
    JsonNode info = city.root().path("city");
    JsonNode sys = section.path("system");
    String language = sys.path("language").asText(info.path("language").asText("en"));
    String email = sys.path("feed_contact_email").asText("");
    if (email.isEmpty() && section.path("stations").size() > 0) {
      throw new IllegalArgumentException("bikeshare.system.feed_contact_email is required: GBFS needs a feed contact");
    }
    SystemInfo system = new SystemInfo(
        sys.path("system_id").asText(city.id() + "-bikes"),
        sys.path("name").asText(city.name()),
        sys.path("operator").asText(info.path("operator").asText(city.name())),
        language,
        sys.path("opening_hours").asText("24/7"),
        email,
        Optional.ofNullable(sys.path("url").textValue()));
    ZoneId zone = sys.hasNonNull("timezone") ? ZoneId.of(sys.get("timezone").asText()) : city.timeZone();
    GeoPoint depot = point(section.path("depot"), new GeoPoint(info.path("lat").asDouble(), info.path("lon").asDouble()));
    OffsetDateTime updated = section.hasNonNull("layoutUpdatedAt")
        ? OffsetDateTime.parse(section.get("layoutUpdatedAt").asText())
        : OffsetDateTime.parse("2000-01-01T00:00:00Z");

    List<Station> stations = new ArrayList<>();
    for (JsonNode s : section.path("stations")) {
      int capacity = s.path("capacity").asInt(-1);
      if (capacity < 0) {
        throw new IllegalArgumentException("bike station " + s.path("stationId").asText() + " needs a capacity");
      }
      stations.add(new Station(s.path("stationId").asText(), s.path("name").asText(s.path("stationId").asText()),
          point(s, null), capacity));
    }
    List<Truck> trucks = new ArrayList<>();
    for (JsonNode t : section.path("trucks")) {
      int capacity = t.path("capacity").asInt(0);
      if (capacity < 1) {
        throw new IllegalArgumentException("truck " + t.path("truckId").asText() + " needs a positive capacity");
      }
      trucks.add(new Truck(t.path("truckId").asText(), capacity, point(t, depot)));
    }
    List<PricingPlan> plans = new ArrayList<>();
    String currency = info.path("currency").asText("CNY");
    for (JsonNode p : section.path("pricingPlans")) {
      List<PerMinuteRate> rates = new ArrayList<>();
      for (JsonNode r : p.path("perMinute")) {
        rates.add(new PerMinuteRate(r.path("startMinute").asInt(), r.path("rateFen").asLong(), r.path("intervalMinutes").asInt()));
      }
      plans.add(new PricingPlan(p.path("planId").asText(), p.path("name").asText(p.path("planId").asText()),
          p.path("description").asText(p.path("name").asText()), p.path("currency").asText(currency),
          p.path("priceFen").asLong(), p.path("taxable").asBoolean(false), List.copyOf(rates)));
    }
    Map<String, Station> byId = new LinkedHashMap<>();
    stations.forEach(s -> byId.put(s.stationId(), s));
    return new BikeshareLayout(system, zone, depot, updated, List.copyOf(stations), List.copyOf(trucks),
        List.copyOf(plans), planning(section), Map.copyOf(byId));
  }

  private static Planning planning(JsonNode section) {
    JsonNode p = section.path("planning");
    return new Planning(
        Duration.ofMinutes(section.path("planEveryMinutes").asLong(DEFAULT_PLANNING.every().toMinutes())),
        Duration.ofMinutes(p.path("horizonMinutes").asLong(DEFAULT_PLANNING.horizon().toMinutes())),
        p.path("minMoveBikes").asInt(DEFAULT_PLANNING.minMoveBikes()),
        Duration.ofMillis(p.path("solverMillis").asLong(DEFAULT_PLANNING.solverTime().toMillis())),
        p.path("seed").asLong(DEFAULT_PLANNING.seed()));
  }

  private static GeoPoint point(JsonNode node, GeoPoint fallback) {
    if (node.hasNonNull("lat") && node.hasNonNull("lon")) {
      return new GeoPoint(node.get("lat").asDouble(), node.get("lon").asDouble());
    }
    if (fallback == null) {
      throw new IllegalArgumentException("missing lat/lon in " + node);
    }
    return fallback;
  }

  public Optional<Station> station(String stationId) {
    return Optional.ofNullable(stationsById.get(stationId));
  }

  public Optional<Truck> truck(String truckId) {
    return trucks.stream().filter(t -> t.truckId().equals(truckId)).findFirst();
  }
}
