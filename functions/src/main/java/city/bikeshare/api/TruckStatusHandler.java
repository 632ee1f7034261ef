package city.bikeshare.api;

import city.bikeshare.BikeshareModule;
import city.bikeshare.Wiring;
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

/** bikeshare/trucks/{truckId}/status: position and load, and optionally progress on a plan's task list. */
public final class TruckStatusHandler extends DeviceMessageHandler {
  private final BikeshareLayout layout;
  private final TruckReports reports;

  public TruckStatusHandler() {
    this(City.current(), Wiring.trucks(), Wiring.plans(), Wiring.stations(), Wiring.deadLetters());
  }

  public TruckStatusHandler(City city, TruckStore trucks, PlanStore plans, StationStore stations, DeadLetterStore deadLetters) {
    super(BikeshareModule.TRUCK, city, deadLetters);
    this.layout = BikeshareLayout.of(city);
    this.reports = new TruckReports(layout.timeZone(), trucks, plans, stations);
  }

  @Override
  protected void handle(DeviceMessage message) {
    reports.record(TruckStatus.extract(message, layout));
  }
}
