package city.dispatch.core;

import city.platform.City;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The city file's 12345 hotline keys, in the dispatch section: {@code departments} (id, name, unitKinds and default
 * {@code acceptWithinMinutes} / {@code resolveWithinHours} or {@code resolveWithinMinutes}), per service the same
 * deadline keys and its {@code department}, {@code duplicateRadiusM} (30), {@code duplicateWindowHours} (72) and
 * {@code reopenWithinDays} (7). A city file without departments gets one per unit kind.
 *
 * @param serviceTerms per service code: its department and the deadlines it sets itself (either may be null)
 */
public record HotlineSettings(
    List<Department> departments,
    Map<String, ServiceTerms> serviceTerms,
    double duplicateRadiusM,
    Duration duplicateWindow,
    Duration reopenWithin) {

  static final Deadlines DEFAULT_DEADLINES = new Deadlines(Duration.ofMinutes(30), Duration.ofHours(24));
  static final double DEFAULT_DUPLICATE_RADIUS_M = 30;
  static final int DEFAULT_DUPLICATE_WINDOW_HOURS = 72;
  static final int DEFAULT_REOPEN_WITHIN_DAYS = 7;

  /** What a service's own entry says; nulls fall back to its department. */
  public record ServiceTerms(String department, Duration acceptWithin, Duration resolveWithin) {}

  public HotlineSettings {
    departments = List.copyOf(departments);
    serviceTerms = Map.copyOf(serviceTerms);
  }

  public static HotlineSettings of(City city) {
    return of(city.section("dispatch"), DispatchSettings.of(city));
  }

  static HotlineSettings of(JsonNode section, DispatchSettings dispatch) {
    List<Department> departments = new ArrayList<>();
    for (JsonNode d : section.path("departments")) {
      String id = d.path("id").asText();
      if (id.isBlank()) {
        throw new IllegalArgumentException("dispatch department needs an id: " + d);
      }
      List<String> kinds = new ArrayList<>();
      d.path("unitKinds").forEach(k -> kinds.add(k.asText()));
      departments.add(new Department(id, d.path("name").asText(id), kinds, new Deadlines(
          duration(d, "acceptWithin", DEFAULT_DEADLINES.acceptWithin()),
          duration(d, "resolveWithin", DEFAULT_DEADLINES.resolveWithin()))));
    }
    if (departments.isEmpty()) {
      dispatch.kinds().forEach(kind -> departments.add(new Department(kind, kind, List.of(kind), DEFAULT_DEADLINES)));
    }
    Map<String, ServiceTerms> terms = new LinkedHashMap<>();
    for (JsonNode s : section.path("services")) {
      String department = s.path("department").asText(null);
      if (department != null && departments.stream().noneMatch(d -> d.id().equals(department))) {
        throw new IllegalArgumentException("dispatch service " + s.path("service_code").asText()
            + " names an unknown department " + department);
      }
      terms.put(s.path("service_code").asText(), new ServiceTerms(department,
          duration(s, "acceptWithin", null), duration(s, "resolveWithin", null)));
    }
    return new HotlineSettings(departments, terms,
        section.path("duplicateRadiusM").asDouble(DEFAULT_DUPLICATE_RADIUS_M),
        Duration.ofHours(section.path("duplicateWindowHours").asInt(DEFAULT_DUPLICATE_WINDOW_HOURS)),
        Duration.ofDays(section.path("reopenWithinDays").asInt(DEFAULT_REOPEN_WITHIN_DAYS)));
  }

  /** One department per unit kind and the default deadlines: for tests and cities that list no departments. */
  public static HotlineSettings defaults(DispatchSettings dispatch) {
    return of(MissingNode.getInstance(), dispatch);
  }

  public Optional<Department> department(String id) {
    return departments.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** The service's own department, else the one whose field units are of the kind it needs, else the kind itself. */
  public String departmentOf(String serviceCode, String kind) {
    ServiceTerms own = serviceCode == null ? null : serviceTerms.get(serviceCode);
    if (own != null && own.department() != null) {
      return own.department();
    }
    return departments.stream().filter(d -> d.unitKinds().contains(kind)).map(Department::id).findFirst().orElse(kind);
  }

  /** The service's own deadlines where it sets them, its department's otherwise. */
  public Deadlines deadlinesOf(String serviceCode, String kind) {
    Deadlines fallback = department(departmentOf(serviceCode, kind)).map(Department::deadlines).orElse(DEFAULT_DEADLINES);
    ServiceTerms own = serviceCode == null ? null : serviceTerms.get(serviceCode);
    if (own == null) {
      return fallback;
    }
    return new Deadlines(own.acceptWithin() == null ? fallback.acceptWithin() : own.acceptWithin(),
        own.resolveWithin() == null ? fallback.resolveWithin() : own.resolveWithin());
  }

  /**
   * {@code <prefix>Minutes} or (for resolveWithin) {@code <prefix>Hours}; minutes may be fractional, which only tests
   * need (a deadline of seconds).
   */
  private static Duration duration(JsonNode node, String prefix, Duration fallback) {
    JsonNode minutes = node.path(prefix + "Minutes");
    JsonNode hours = node.path(prefix + "Hours");
    if (minutes.isNumber()) {
      return positive(Duration.ofMillis(Math.round(minutes.asDouble() * 60_000)), prefix + "Minutes");
    }
    if (hours.isNumber()) {
      return positive(Duration.ofMillis(Math.round(hours.asDouble() * 3_600_000)), prefix + "Hours");
    }
    if (!minutes.isMissingNode() || !hours.isMissingNode()) {
      throw new IllegalArgumentException("dispatch " + prefix + "Minutes/Hours must be a number: " + node);
    }
    return fallback;
  }

  private static Duration positive(Duration d, String name) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("dispatch " + name + " must be positive");
    }
    return d;
  }
}
