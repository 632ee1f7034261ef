package city.dispatch.core;

import city.platform.GeoPoint;
import city.platform.GreatCircle;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * When a new report is one already made: the same service, within {@code duplicateRadiusM} of an open work order
 * reported within {@code duplicateWindowHours}. A report without a position (an address only) or a work order whose
 * position was estimated never matches: the city centre is not where either is. An emergency (priority 1: fire,
 * medical) never joins: each call is dispatched in its own right, as before work orders.
 */
public final class Duplicates {
  static final int EMERGENCY_PRIORITY = 1;

  private Duplicates() {}

  /** Whether a request of this service may join an open work order at all. */
  public static boolean joinable(ServiceDefinition service) {
    return service.priority() > EMERGENCY_PRIORITY;
  }

  /** The nearest open work order the report joins; ties by id, so the choice never depends on read order. */
  public static Optional<Incident> match(Collection<Incident> candidates, String serviceCode, GeoPoint position,
      OffsetDateTime reportedAt, HotlineSettings settings) {
    if (position == null) {
      return Optional.empty();
    }
    OffsetDateTime windowStart = reportedAt.minus(settings.duplicateWindow());
    return candidates.stream()
        .filter(i -> i.workOrder() != null && i.status().active() && i.status() != IncidentStatus.AWAITING_CONFIRMATION)
        .filter(i -> serviceCode.equals(i.workOrder().serviceCode()))
        .filter(i -> !i.report().positionEstimated())
        .filter(i -> !i.report().reportedAt().isBefore(windowStart) && !i.report().reportedAt().isAfter(reportedAt))
        .filter(i -> meters(i, position) <= settings.duplicateRadiusM())
        .min(Comparator.comparingDouble((Incident i) -> meters(i, position)).thenComparing(Incident::incidentId));
  }

  private static double meters(Incident incident, GeoPoint position) {
    GeoPoint at = incident.report().position();
    return GreatCircle.meters(at.lat(), at.lon(), position.lat(), position.lon());
  }
}
