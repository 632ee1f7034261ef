package city.bikeshare.api;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.TruckStatus;
import city.bikeshare.core.service.TruckReports;
import city.bikeshare.core.store.PlanStore;
import city.bikeshare.core.store.StationStore;
import city.bikeshare.core.store.TruckStore;
import city.platform.City;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;
import city.platform.GeoPoint;
import city.platform.InvalidInput;
import java.util.Optional;
import java.util.OptionalInt;

/** bikeshare/trucks/{truckId}/status: position and load, and optionally progress on a plan's task list. */
public final class TruckStatusHandler extends DeviceMessageHandler {
  private final BikeshareLayout layout;
  private final TruckReports reports;

  public TruckStatusHandler() {
    this(City.current(), Wiring.trucks(), Wiring.plans(), Wiring.stations(), Wiring.deadLetters());
  }

  public TruckStatusHandler(City city, TruckStore trucks, PlanStore plans, StationStore stations, DeadLetterStore deadLetters) {
    super(BikeshareDevices.TRUCK, city, deadLetters);
    this.layout = BikeshareLayout.of(city);
    this.reports = new TruckReports(layout.timeZone(), trucks, plans, stations);
  }

  @Override
  protected void handle(DeviceMessage message) {
    reports.record(extract(message, layout));
  }

  /** Checks the truck against the city file's fleet and its load against the truck's capacity. */
  static TruckStatus extract(DeviceMessage message, BikeshareLayout layout) {
    BikeshareLayout.Truck truck = layout.truck(message.deviceId())
        .orElseThrow(() -> new InvalidInput("truck " + message.deviceId() + " is not in the city file's fleet"));
    GeoPoint position = new GeoPoint(message.number("lat", -90, 90), message.number("lon", -180, 180));
    int load = (int) message.integer("load", 0, truck.capacity());
    Optional<String> planId = message.has("planId") ? Optional.of(message.id("planId")) : Optional.empty();
    OptionalInt completed = OptionalInt.empty();
    if (message.has("completedStops")) {
      if (planId.isEmpty()) {
        throw new InvalidInput("field completedStops needs the planId it counts for");
      }
      completed = OptionalInt.of((int) message.integer("completedStops", 0, Integer.MAX_VALUE));
    }
    return new TruckStatus(truck.truckId(), position, load, message.timestamp("ts"), planId, completed);
  }
}
