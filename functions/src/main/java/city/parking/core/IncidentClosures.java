package city.parking.core;

import city.platform.GeoPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule 1 of the city bus: an incident of a listed category closes every space within the radius; its end reopens
 * them, to whatever their sensors report. Billing does not change: a closure is what the public sees, sessions
 * keep following the sensor (a car parked before the closure is still billed until it leaves).
 */
public final class IncidentClosures {
  private final ClosureSettings settings;
  private final ParkingLayout layout;
  private final SpaceClosures closures;

  public IncidentClosures(ClosureSettings settings, ParkingLayout layout, SpaceClosures closures) {
    this.settings = settings;
    this.layout = layout;
    this.closures = closures;
  }

  /** A space of the layout with its zone. */
  public record AffectedSpace(String zone, String spaceId, double distanceMeters) {}

  /**
   * Pure: the spaces the incident closes; none when its category does not close parking or its position is only
   * the city centre standing in for an address.
   */
  public static List<AffectedSpace> affected(IncidentNotice incident, ClosureSettings settings, ParkingLayout layout) {
    List<AffectedSpace> affected = new ArrayList<>();
    if (incident.positionEstimated() || !settings.closesParking(incident.category(), incident.subCategory())) {
      return affected;
    }
    for (ParkingLayout.Zone zone : layout.zones()) {
      for (ParkingLayout.Space space : zone.spaces()) {
        double meters = incident.position().distanceMeters(new GeoPoint(space.lat(), space.lon()));
        if (meters <= settings.radiusMeters()) {
          affected.add(new AffectedSpace(zone.zone(), space.spaceId(), meters));
        }
      }
    }
    return affected;
  }

  /** Idempotent: the same notice twice writes the same records. @return the spaces it concerned */
  public List<AffectedSpace> apply(IncidentNotice incident) {
    List<AffectedSpace> spaces = affected(incident, settings, layout);
    for (AffectedSpace space : spaces) {
      if (incident.ended()) {
        closures.reopen(space.zone(), space.spaceId(), incident.incidentId(), incident.at());
      } else {
        closures.close(space.zone(), space.spaceId(), incident.incidentId(), incident.at());
      }
    }
    return spaces;
  }
}
