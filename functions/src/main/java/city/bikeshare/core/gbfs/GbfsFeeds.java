package city.bikeshare.core.gbfs;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.StationState;
import city.bikeshare.core.closure.StationClosure;
import city.platform.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The GBFS v3.0 files, built from the city file and the stations' latest status. Only what the spec
 * requires (and num_docks_available, which it only recommends) goes into station_status, the one file that
 * is fetched every minute: it is the file whose size grows with the city and the request rate.
 */
public final class GbfsFeeds {
  public static final String VERSION = "3.0";
  /** The system's one vehicle type: a short id, since station_status repeats it for every station. */
  public static final String BIKE = "bike";

  private final BikeshareLayout layout;
  private final ClosureTexts texts;

  public GbfsFeeds(BikeshareLayout layout) {
    this.layout = layout;
    this.texts = ClosureTexts.forLanguage(layout.system().language());
  }

  public List<GbfsFile> published() {
    List<GbfsFile> files = new ArrayList<>(List.of(GbfsFile.GBFS, GbfsFile.GBFS_VERSIONS, GbfsFile.SYSTEM_INFORMATION,
        GbfsFile.VEHICLE_TYPES, GbfsFile.STATION_INFORMATION, GbfsFile.STATION_STATUS));
    if (!layout.pricingPlans().isEmpty()) {
      files.add(GbfsFile.SYSTEM_PRICING_PLANS);
    }
    files.add(GbfsFile.SYSTEM_ALERTS);
    return files;
  }

  /** The discovery file lists every other file, at absolute URLs under {@code baseUrl}. */
  public ObjectNode discovery(String baseUrl) {
    ArrayNode feeds = Json.MAPPER.createArrayNode();
    for (GbfsFile file : published()) {
      if (file != GbfsFile.GBFS) {
        feeds.addObject().put("name", file.feedName()).put("url", baseUrl + file.path());
      }
    }
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.set("feeds", feeds);
    return envelope(GbfsFile.GBFS, layout.layoutUpdatedAt().toInstant(), data);
  }

  public ObjectNode versions(String baseUrl) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.putArray("versions").addObject().put("version", VERSION).put("url", baseUrl + GbfsFile.GBFS.path());
    return envelope(GbfsFile.GBFS_VERSIONS, layout.layoutUpdatedAt().toInstant(), data);
  }

  public ObjectNode systemInformation() {
    BikeshareLayout.SystemInfo system = layout.system();
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.put("system_id", system.systemId());
    data.putArray("languages").add(system.language());
    data.set("name", text(system.name()));
    data.set("operator", text(system.operator()));
    system.url().ifPresent(url -> data.put("url", url));
    data.put("opening_hours", system.openingHours());
    data.put("feed_contact_email", system.feedContactEmail());
    data.put("timezone", layout.timeZone().getId());
    return envelope(GbfsFile.SYSTEM_INFORMATION, layout.layoutUpdatedAt().toInstant(), data);
  }

  public ObjectNode vehicleTypes() {
    ObjectNode type = Json.MAPPER.createObjectNode();
    type.put("vehicle_type_id", BIKE);
    type.put("form_factor", "bicycle");
    type.put("propulsion_type", "human");
    type.set("name", text("Bicycle"));
    type.put("wheel_count", 2);
    type.put("return_constraint", "any_station");
    if (!layout.pricingPlans().isEmpty()) {
      type.put("default_pricing_plan_id", layout.pricingPlans().get(0).planId());
      ArrayNode ids = type.putArray("pricing_plan_ids");
      layout.pricingPlans().forEach(p -> ids.add(p.planId()));
    }
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.putArray("vehicle_types").add(type);
    return envelope(GbfsFile.VEHICLE_TYPES, layout.layoutUpdatedAt().toInstant(), data);
  }

  public ObjectNode stationInformation() {
    ArrayNode stations = Json.MAPPER.createArrayNode();
    for (BikeshareLayout.Station station : layout.stations()) {
      ObjectNode node = stations.addObject();
      node.put("station_id", station.stationId());
      node.set("name", text(station.name()));
      node.put("lat", station.position().lat());
      node.put("lon", station.position().lon());
      node.put("capacity", station.capacity());
    }
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.set("stations", stations);
    return envelope(GbfsFile.STATION_INFORMATION, layout.layoutUpdatedAt().toInstant(), data);
  }

  /**
   * Every station of the city file; one that never reported, or that an incident closes, is shown as neither renting
   * nor returning (one that never reported with nothing available, as of the layout's date); one whose dock is silent
   * (rule 4) is not renting, and returning as it would be otherwise.
   */
  public ObjectNode stationStatus(List<StationState> latest, List<StationClosure> closures, Set<String> silentDocks,
      Instant now) {
    Set<String> closed = closures.stream().map(StationClosure::stationId).collect(Collectors.toSet());
    Map<String, StationState> byId = latest.stream()
        .collect(Collectors.toMap(StationState::stationId, Function.identity(), (a, b) -> a));
    ArrayNode stations = Json.MAPPER.createArrayNode();
    for (BikeshareLayout.Station station : layout.stations()) {
      StationState state = byId.get(station.stationId());
      boolean reported = state != null;
      int bikes = reported ? state.bikes() : 0;
      ObjectNode node = stations.addObject();
      node.put("station_id", station.stationId());
      node.put("num_vehicles_available", bikes);
      node.putArray("vehicle_types_available").addObject().put("vehicle_type_id", BIKE).put("count", bikes);
      node.put("num_docks_available", reported ? state.docks() : 0);
      node.put("is_installed", true);
      boolean open = reported && !closed.contains(station.stationId());
      node.put("is_renting", open && !silentDocks.contains(station.stationId()));
      node.put("is_returning", open);
      node.put("last_reported", timestamp(reported ? state.reportedAt().toInstant() : layout.layoutUpdatedAt().toInstant()));
    }
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.set("stations", stations);
    return envelope(GbfsFile.STATION_STATUS, now, data);
  }

  /**
   * One {@code station_closure} alert per incident that closes stations, naming them, from the incident's report,
   * in the system's language.
   */
  public ObjectNode systemAlerts(List<StationClosure> closures, Instant now) {
    Map<String, List<StationClosure>> byIncident = new LinkedHashMap<>();
    closures.stream()
        .sorted(Comparator.comparing(StationClosure::since).thenComparing(StationClosure::incidentId))
        .forEach(c -> byIncident.computeIfAbsent(c.incidentId(), id -> new ArrayList<>()).add(c));
    ArrayNode alerts = Json.MAPPER.createArrayNode();
    byIncident.forEach((incidentId, closing) -> {
      StationClosure first = closing.get(0);
      ObjectNode alert = alerts.addObject();
      alert.put("alert_id", incidentId);
      alert.put("type", "station_closure");
      alert.putArray("times").addObject().put("start", timestamp(first.since()));
      ArrayNode stationIds = alert.putArray("station_ids");
      closing.stream().map(StationClosure::stationId).distinct().sorted().forEach(stationIds::add);
      alert.set("summary", localized(texts.summary()));
      alert.set("description", localized(texts.description(first.category())));
      alert.put("last_updated", timestamp(first.since()));
    });
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.set("alerts", alerts);
    return envelope(GbfsFile.SYSTEM_ALERTS, now, data);
  }

  public ObjectNode pricingPlans() {
    ArrayNode plans = Json.MAPPER.createArrayNode();
    for (BikeshareLayout.PricingPlan plan : layout.pricingPlans()) {
      ObjectNode node = plans.addObject();
      node.put("plan_id", plan.planId());
      node.set("name", text(plan.name()));
      node.put("currency", plan.currency());
      node.put("price", yuan(plan.priceFen()));
      node.put("is_taxable", plan.taxable());
      node.set("description", text(plan.description()));
      if (!plan.perMinute().isEmpty()) {
        ArrayNode segments = node.putArray("per_min_pricing");
        for (BikeshareLayout.PerMinuteRate rate : plan.perMinute()) {
          segments.addObject().put("start", rate.startMinute()).put("rate", yuan(rate.rateFen()))
              .put("interval", rate.intervalMinutes());
        }
      }
    }
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.set("plans", plans);
    return envelope(GbfsFile.SYSTEM_PRICING_PLANS, layout.layoutUpdatedAt().toInstant(), data);
  }

  private ObjectNode envelope(GbfsFile file, Instant lastUpdated, ObjectNode data) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("last_updated", timestamp(lastUpdated));
    root.put("ttl", file.ttlSeconds());
    root.put("version", VERSION);
    root.set("data", data);
    return root;
  }

  /** RFC 3339 in the system's zone, whole seconds (OffsetDateTime.toString drops ":00" seconds, which RFC 3339 forbids). */
  private String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), layout.timeZone()));
  }

  private ArrayNode text(String value) {
    ArrayNode texts = Json.MAPPER.createArrayNode();
    texts.addObject().put("text", value).put("language", layout.system().language());
    return texts;
  }

  private ArrayNode localized(String value) {
    ArrayNode localized = Json.MAPPER.createArrayNode();
    localized.addObject().put("text", value).put("language", texts.language());
    return localized;
  }

  private static BigDecimal yuan(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }
}
