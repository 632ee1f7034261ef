package city.dispatch.core;

import city.platform.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small county for dispatch tests: three fire units on a north-south line, two medical, one municipal. */
final class Fixtures {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Instant T0 = Instant.parse("2026-11-28T01:00:00Z");
  static final GeoPoint CENTRE = new GeoPoint(36.50, 118.50);

  static final List<Unit> UNITS = List.of(
      new Unit("F1", "fire", "Fire 1", new GeoPoint(36.51, 118.50)),
      new Unit("F2", "fire", "Fire 2", new GeoPoint(36.53, 118.50)),
      new Unit("F3", "fire", "Fire 3", new GeoPoint(36.56, 118.50)),
      new Unit("M1", "medical", "Medical 1", new GeoPoint(36.50, 118.52)),
      new Unit("M2", "medical", "Medical 2", new GeoPoint(36.50, 118.55)),
      new Unit("P1", "municipal", "Municipal 1", new GeoPoint(36.49, 118.50)));

  private Fixtures() {}

  static DispatchSettings settings(Duration ackTimeout) {
    return new DispatchSettings(Duration.ofMinutes(10), ackTimeout, DispatchSettings.DEFAULT_SEVERITY_PRIORITIES,
        DispatchSettings.DEFAULT_CATEGORY_KINDS, DispatchSettings.DEFAULT_SERVICES, UNITS,
        Map.of("S1", CENTRE, "S2", new GeoPoint(36.55, 118.50)), CENTRE, "Test County", ZONE,
        DispatchSettings.DEFAULT_CONFIRM_ANONYMOUS_UP_TO_PRIORITY);
  }

  static OffsetDateTime at(Instant instant) {
    return instant.atZone(ZONE).toOffsetDateTime();
  }

  static Incident queued(String id, String kind, int priority, GeoPoint where, Instant reportedAt) {
    Report report = new Report(IncidentSource.SENSOR, "S1", kind, null, kind, where, false, null, null, null,
        at(reportedAt), null);
    return Incident.reported(id, report, Severity.HIGH, priority, new AlertTally(1, at(reportedAt)));
  }

  static UnitState available(Unit unit) {
    return new UnitState(unit.unitId(), unit.kind(), UnitStatus.AVAILABLE, unit.home(), at(T0), null, null, null, Set.of());
  }

  static List<UnitState> allAvailable() {
    return UNITS.stream().map(Fixtures::available).toList();
  }

  static Unit unit(String unitId) {
    return UNITS.stream().filter(u -> u.unitId().equals(unitId)).findFirst().orElseThrow();
  }
}
