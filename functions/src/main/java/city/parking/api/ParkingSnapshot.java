package city.parking.api;

import city.parking.ParkingModule;
import city.parking.core.ParkingLayout;
import city.parking.core.SensorSilences;
import city.parking.core.SpaceClosures;
import city.parking.core.SpaceStore;
import city.parking.core.ZoneAvailability;
import city.platform.City;
import city.platform.SnapshotPart;
import java.util.List;
import java.util.function.Supplier;

/** Parking's share of the city snapshot: every zone's availability with each space's status (one query per zone). */
public final class ParkingSnapshot implements SnapshotPart {
  record Zones(List<ZoneAvailability> zones) {}

  @Override
  public String name() {
    return "parking";
  }

  @Override
  public List<String> tables() {
    return List.of(ParkingModule.TABLE);
  }

  @Override
  public Supplier<Object> open(City city) {
    ParkingLayout layout = ParkingLayout.of(city);
    SpaceStore spaces = Wiring.storesFromEnvironment().spaces();
    SpaceClosures closures = Wiring.closuresFromEnvironment();
    SensorSilences silences = Wiring.silencesFromEnvironment();
    return () -> new Zones(layout.zones().stream()
        .map(zone -> ZoneAvailability.of(zone, spaces.zone(zone.zone()), closures.zone(zone.zone()),
            silences.zone(zone.zone())))
        .toList());
  }
}
