package city.bikeshare;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.plan.PlanIds;
import city.bikeshare.core.service.PlanService;
import city.bikeshare.store.dynamodb.DynamoPlanStore;
import city.bikeshare.store.dynamodb.DynamoStationStore;
import city.bikeshare.store.dynamodb.DynamoTruckStore;
import city.platform.AwsClients;
import city.platform.City;
import city.platform.Config;
import city.platform.IotDevicePublisher;
import java.time.Clock;

/** The planner wired to DynamoDB and the IoT data plane, for the two functions that make plans. */
final class PlanServices {
  private PlanServices() {}

  static PlanService fromEnvironment() {
    String table = Config.required(BikeshareTable.ENV);
    return new PlanService(BikeshareLayout.of(City.current()),
        new DynamoStationStore(AwsClients.dynamoDb(), table),
        new DynamoTruckStore(AwsClients.dynamoDb(), table),
        new DynamoPlanStore(AwsClients.dynamoDb(), table),
        IotDevicePublisher.fromEnvironment(),
        Clock.systemUTC(),
        PlanIds.random());
  }
}
