package city.parking.core;

import city.parking.core.session.SessionRules;
import city.parking.core.tariff.Tariff;
import city.parking.core.tariff.TariffPresets;
import city.platform.City;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The billing rules of the city file's parking section, with their defaults: minimum session (flapping),
 * gap timeout, arrears age, how long before a session a camera read still counts, the longest billable session,
 * the largest seq jump a sensor may make, which spaces each camera covers, what a plate in a token may look like,
 * and each zone's tariff and optional maximum stay.
 */
public final class ParkingSettings {
  private final ParkingLayout layout;
  private final ZoneId timeZone;
  private final Duration minimumSession;
  private final Duration gapTimeout;
  private final Duration arrearsAge;
  private final Duration plateLead;
  private final Duration maxBillable;
  private final long maxSeqJump;
  private final Map<String, Set<String>> cameraSpaces;
  private final Map<String, Duration> zoneMaxStay;
  private final Map<String, SessionRules> zoneRules;
  private final PlateFormat plateFormat;

  private ParkingSettings(City city, ParkingLayout layout) {
    JsonNode section = city.section("parking");
    this.layout = layout;
    this.timeZone = city.timeZone();
    this.minimumSession = Duration.ofSeconds(positive(section, "minimumSessionSeconds", 60));
    this.gapTimeout = Duration.ofMinutes(positive(section, "gapTimeoutMinutes", 30));
    this.arrearsAge = Duration.ofDays(positive(section, "arrearsAgeDays", 7));
    this.plateLead = Duration.ofSeconds(positive(section, "plateLeadSeconds", 120));
    this.plateFormat = new PlateFormat(foreignPlatePattern(section));
    this.maxBillable = Duration.ofDays(positive(section, "maxBillableDays", 7));
    this.maxSeqJump = positive(section, "maxSeqJump", 10_000);
    this.cameraSpaces = new LinkedHashMap<>();
    for (JsonNode camera : section.path("cameras")) {
      Set<String> spaces = new LinkedHashSet<>();
      camera.path("spaces").forEach(s -> spaces.add(s.asText()));
      cameraSpaces.put(camera.path("cameraId").asText(), Set.copyOf(spaces));
    }
    this.zoneMaxStay = new LinkedHashMap<>();
    this.zoneRules = new LinkedHashMap<>();
    for (JsonNode zone : section.path("zones")) {
      String id = zone.path("zone").asText();
      if (zone.has("maxStayMinutes")) {
        zoneMaxStay.put(id, Duration.ofMinutes(positive(zone, "maxStayMinutes", 0)));
      }
    }
    for (ParkingLayout.Zone zone : layout.zones()) {
      Tariff tariff = TariffPresets.byName(zone.tariff());
      tariff.rates(zone.zoneClass()); // an unknown class fails here, at start-up, not at the first bill
      zoneRules.put(zone.zone(), new SessionRules(minimumSession, plateLead, maxBillable,
          (start, end) -> tariff.fee(zone.zoneClass(), start, end)));
    }
  }

  public static ParkingSettings of(City city) {
    return new ParkingSettings(city, ParkingLayout.of(city));
  }

  private static long positive(JsonNode node, String field, long fallback) {
    if (!node.has(field)) {
      return fallback;
    }
    long value = node.get(field).asLong(-1);
    if (value <= 0) {
      throw new IllegalArgumentException("parking." + field + " must be a positive whole number");
    }
    return value;
  }

  private static Optional<Pattern> foreignPlatePattern(JsonNode section) {
    JsonNode pattern = section.get("foreignPlatePattern");
    if (pattern == null || pattern.isNull()) {
      return Optional.empty();
    }
    if (!pattern.isTextual() || pattern.asText().isEmpty()) {
      throw new IllegalArgumentException("parking.foreignPlatePattern must be a regular expression");
    }
    try {
      return Optional.of(Pattern.compile(pattern.asText()));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("parking.foreignPlatePattern is not a regular expression: " + e.getDescription());
    }
  }

  public ParkingLayout layout() {
    return layout;
  }

  public ZoneId timeZone() {
    return timeZone;
  }

  public Duration gapTimeout() {
    return gapTimeout;
  }

  public Duration arrearsAge() {
    return arrearsAge;
  }

  public Duration plateLead() {
    return plateLead;
  }

  /** The longest session that is billed; a longer one is held for review (parking.maxBillableDays). */
  public Duration maxBillable() {
    return maxBillable;
  }

  /** How far past a space's newest seq a reading may be (parking.maxSeqJump); further is refused. */
  public long maxSeqJump() {
    return maxSeqJump;
  }

  public SessionRules rules(String zone) {
    SessionRules rules = zoneRules.get(zone);
    if (rules == null) {
      throw new IllegalArgumentException("no zone " + zone);
    }
    return rules;
  }

  public Tariff tariff(ParkingLayout.Zone zone) {
    return TariffPresets.byName(zone.tariff());
  }

  /** The city file's maxStayMinutes for the zone, else the tariff's maximum stay for its class. */
  public Optional<Duration> maxStay(ParkingLayout.Zone zone) {
    Duration configured = zoneMaxStay.get(zone.zone());
    return configured != null ? Optional.of(configured) : tariff(zone).maxStay(zone.zoneClass());
  }

  public PlateFormat plateFormat() {
    return plateFormat;
  }

  public boolean cameraCovers(String cameraId, String spaceId) {
    return cameraSpaces.getOrDefault(cameraId, Set.of()).contains(spaceId);
  }
}
