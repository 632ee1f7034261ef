package city.bikeshare.core.closure;

import city.bikeshare.core.BikeshareLayout;
import java.util.ArrayList;
import java.util.List;

/** Rule 2's decision, pure: the stations an incident closes. */
public final class NearbyStations {
  private NearbyStations() {}

  /** A station of the layout and how far it is from the incident. */
  public record Affected(String stationId, double distanceMeters) {}

  /**
   * The stations within the radius; none when the incident's category does not close stations or its position is
   * only the city centre standing in for an address.
   */
  public static List<Affected> of(IncidentNotice incident, StationClosureSettings settings, BikeshareLayout layout) {
    List<Affected> affected = new ArrayList<>();
    if (incident.positionEstimated() || !settings.closesStations(incident.category(), incident.subCategory())) {
      return affected;
    }
    for (BikeshareLayout.Station station : layout.stations()) {
      double meters = incident.position().distanceMeters(station.position());
      if (meters <= settings.radiusMeters()) {
        affected.add(new Affected(station.stationId(), meters));
      }
    }
    return affected;
  }
}
