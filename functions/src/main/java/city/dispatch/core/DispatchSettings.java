package city.dispatch.core;

import city.platform.City;
import city.platform.Config;
import city.platform.GeoPoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The city file's dispatch section: units, sensors, the merge window, the acknowledgement timeout, how
 * severities and services map to priorities, which unit kind each alert category and service needs, and up to
 * which priority an anonymous Open311 report waits for a call-taker's confirmation
 * ({@code confirmAnonymousUpToPriority}, default 1; 0 turns it off).
 * Missing parts fall back to the defaults below, so a city file may list only its units and sensors.
 */
public record DispatchSettings(
    Duration mergeWindow,
    Duration ackTimeout,
    Map<Severity, Integer> severityPriorities,
    Map<String, String> categoryKinds,
    List<ServiceDefinition> services,
    List<Unit> units,
    Map<String, GeoPoint> sensors,
    GeoPoint cityCentre,
    String agency,
    ZoneId zone,
    int confirmAnonymousUpToPriority) {

  /** Overrides the city file's ackTimeoutSeconds ("90s", "2m", "PT90S"); the twin's --ack-timeout sets it. */
  public static final String ACK_TIMEOUT_ENV = "DISPATCH_ACK_TIMEOUT";
  static final int DEFAULT_MERGE_WINDOW_SECONDS = 600;
  static final int DEFAULT_ACK_TIMEOUT_SECONDS = 90;
  public static final int DEFAULT_CONFIRM_ANONYMOUS_UP_TO_PRIORITY = 1;

  static final Map<Severity, Integer> DEFAULT_SEVERITY_PRIORITIES = Map.of(
      Severity.CRITICAL, 1, Severity.HIGH, 2, Severity.MEDIUM, 3, Severity.LOW, 4, Severity.INFORMATIONAL, 5);

  /** FIWARE Alert categories and the sensor vocabulary of the device contract. */
  static final Map<String, String> DEFAULT_CATEGORY_KINDS = Map.ofEntries(
      Map.entry("fire", "fire"), Map.entry("smoke", "fire"), Map.entry("gas", "fire"),
      Map.entry("health", "medical"), Map.entry("medical", "medical"),
      Map.entry("traffic", "police"), Map.entry("collision", "police"), Map.entry("security", "police"),
      Map.entry("intrusion", "police"),
      Map.entry("flood", "municipal"), Map.entry("naturalDisaster", "municipal"), Map.entry("weather", "municipal"),
      Map.entry("environment", "municipal"));

  /**
   * The categories of the incidents the city system opens (issue 12: an overstay, a silent or faulty device) and the
   * unit kinds that answer them; a city file's {@code categories} may map them otherwise.
   */
  static final Map<String, String> SYSTEM_CATEGORY_KINDS = Map.of(
      SystemIncidents.PARKING_ENFORCEMENT, "enforcement", SystemIncidents.MAINTENANCE, "maintenance");

  static final List<ServiceDefinition> DEFAULT_SERVICES = List.of(
      new ServiceDefinition("fire", "Fire or smoke", "Fire, smoke or a smell of gas", "emergency", "fire,smoke,gas", "fire", 1),
      new ServiceDefinition("medical", "Medical emergency", "Someone is injured or ill and needs help", "emergency", "injury,ambulance", "medical", 1),
      new ServiceDefinition("collision", "Traffic collision", "A road accident or a dangerous obstruction", "traffic", "accident,crash", "police", 2),
      new ServiceDefinition("noise", "Noise complaint", "Persistent loud noise", "public order", "noise,music", "police", 4),
      new ServiceDefinition("flooding", "Flooding or blocked drain", "Water on a road or a blocked drain", "streets", "water,drain", "municipal", 3),
      new ServiceDefinition("pothole", "Pothole", "A hole or damage in a road surface", "streets", "road,hole", "municipal", 4),
      new ServiceDefinition("streetlight", "Streetlight out", "A street light that is off or flickering", "streets", "light,lamp", "municipal", 5));

  public static DispatchSettings of(City city) {
    JsonNode section = city.section("dispatch");
    Duration ackTimeout = Config.duration(ACK_TIMEOUT_ENV,
        Duration.ofSeconds(section.path("ackTimeoutSeconds").asInt(DEFAULT_ACK_TIMEOUT_SECONDS)));
    JsonNode info = city.root().path("city");
    List<Unit> units = new ArrayList<>();
    for (JsonNode unit : section.path("units")) {
      units.add(new Unit(unit.path("unitId").asText(), unit.path("kind").asText(),
          unit.path("name").asText(unit.path("unitId").asText()), position(unit)));
    }
    Map<String, GeoPoint> sensors = new LinkedHashMap<>();
    for (JsonNode sensor : section.path("sensors")) {
      sensors.put(sensor.path("sensorId").asText(), position(sensor));
    }
    return new DispatchSettings(
        Duration.ofSeconds(section.path("mergeWindowSeconds").asInt(DEFAULT_MERGE_WINDOW_SECONDS)),
        ackTimeout,
        severityPriorities(section.path("severityPriorities")),
        categoryKinds(section.path("categories")),
        services(section.path("services")),
        List.copyOf(units),
        Map.copyOf(sensors),
        position(info),
        info.path("operator").asText(city.name()),
        city.timeZone(),
        confirmUpTo(section.path("confirmAnonymousUpToPriority")));
  }

  /** Times are kept in the city's offset, as people there read them. */
  public OffsetDateTime at(Instant instant) {
    return instant.atZone(zone).toOffsetDateTime();
  }

  public int priorityOf(Severity severity) {
    return severityPriorities.get(severity);
  }

  /** The unit kind an alert needs: "category/subCategory" first when configured, then the category. */
  public Optional<String> kindOf(String category, String subCategory) {
    if (subCategory != null) {
      String specific = categoryKinds.get(category + "/" + subCategory);
      if (specific != null) {
        return Optional.of(specific);
      }
    }
    return Optional.ofNullable(categoryKinds.get(category));
  }

  public Optional<ServiceDefinition> service(String serviceCode) {
    return services.stream().filter(s -> s.serviceCode().equals(serviceCode)).findFirst();
  }

  public List<Unit> unitsOfKind(String kind) {
    return units.stream().filter(u -> u.kind().equals(kind)).toList();
  }

  public Optional<Unit> unit(String unitId) {
    return units.stream().filter(u -> u.unitId().equals(unitId)).findFirst();
  }

  /** The unit kind an incident the city system opens needs (the file's categories first, then the built-in kinds). */
  public Optional<String> systemKindOf(String category) {
    return Optional.ofNullable(categoryKinds.getOrDefault(category, SYSTEM_CATEGORY_KINDS.get(category)));
  }

  /** Every kind an incident can need or a unit can have, sorted: the queues the sweep drains. */
  public Set<String> kinds() {
    Set<String> kinds = new TreeSet<>(categoryKinds.values());
    SYSTEM_CATEGORY_KINDS.keySet().forEach(category -> systemKindOf(category).ifPresent(kinds::add));
    services.forEach(s -> kinds.add(s.kind()));
    units.forEach(u -> kinds.add(u.kind()));
    return kinds;
  }

  private static GeoPoint position(JsonNode node) {
    return new GeoPoint(node.path("lat").asDouble(), node.path("lon").asDouble());
  }

  private static Map<Severity, Integer> severityPriorities(JsonNode node) {
    Map<Severity, Integer> priorities = new EnumMap<>(DEFAULT_SEVERITY_PRIORITIES);
    node.properties().forEach(field -> priorities.put(Severity.fromWireName(field.getKey()), positive(field.getValue(), field.getKey())));
    return Map.copyOf(priorities);
  }

  private static Map<String, String> categoryKinds(JsonNode node) {
    if (!node.isObject() || node.isEmpty()) {
      return DEFAULT_CATEGORY_KINDS;
    }
    Map<String, String> kinds = new LinkedHashMap<>();
    node.properties().forEach(field -> kinds.put(field.getKey(), field.getValue().asText()));
    return Map.copyOf(kinds);
  }

  private static List<ServiceDefinition> services(JsonNode node) {
    if (!node.isArray() || node.isEmpty()) {
      return DEFAULT_SERVICES;
    }
    List<ServiceDefinition> services = new ArrayList<>();
    for (JsonNode s : node) {
      String code = s.path("service_code").asText();
      if (code.isBlank() || s.path("kind").asText().isBlank()) {
        throw new IllegalArgumentException("dispatch service needs service_code and kind: " + s);
      }
      services.add(new ServiceDefinition(code, s.path("service_name").asText(code), s.path("description").asText(""),
          s.path("group").asText(""), s.path("keywords").asText(""), s.path("kind").asText(),
          positive(s.path("priority"), code)));
    }
    return List.copyOf(services);
  }

  private static int confirmUpTo(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return DEFAULT_CONFIRM_ANONYMOUS_UP_TO_PRIORITY;
    }
    if (!value.canConvertToInt() || value.asInt() < 0) {
      throw new IllegalArgumentException("dispatch confirmAnonymousUpToPriority must be a whole number from 0 (never)");
    }
    return value.asInt();
  }

  private static int positive(JsonNode value, String what) {
    if (!value.canConvertToInt() || value.asInt() < 1) {
      throw new IllegalArgumentException("dispatch priority of " + what + " must be a whole number from 1 (most urgent)");
    }
    return value.asInt();
  }
}
