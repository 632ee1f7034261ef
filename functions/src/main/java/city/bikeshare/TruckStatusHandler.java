package city.bikeshare;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.TruckStatus;
import city.bikeshare.core.service.TruckReports;
import city.bikeshare.core.store.PlanStore;
import city.bikeshare.core.store.StationStore;
import city.bikeshare.core.store.TruckStore;
import city.bikeshare.store.dynamodb.DynamoPlanStore;
import city.bikeshare.store.dynamodb.DynamoStationStore;
import city.bikeshare.store.dynamodb.DynamoTruckStore;
import city.platform.AwsClients;
import city.platform.City;
import city.platform.Config;
import city.platform.DeadLetterStore;
import city.platform.DeviceMessage;
import city.platform.DeviceMessageHandler;
import city.platform.DynamoDeadLetterStore;

/** bikeshare/trucks/{truckId}/status: position and load, and optionally progress on a plan's task list. */
public final class TruckStatusHandler extends DeviceMessageHandler {
  private final BikeshareLayout layout;
  private final TruckReports reports;

  public TruckStatusHandler() {
    this(City.current(),
        new DynamoTruckStore(AwsClients.dynamoDb(), Config.required(BikeshareTable.ENV)),
        new DynamoPlanStore(AwsClients.dynamoDb(), Config.required(BikeshareTable.ENV)),
        new DynamoStationStore(AwsClients.dynamoDb(), Config.required(BikeshareTable.ENV)),
        DynamoDeadLetterStore.fromEnvironment());
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
