package city.bikeshare.api;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.BikeshareTable;
import city.bikeshare.core.plan.PlanIds;
import city.bikeshare.core.service.PlanService;
import city.bikeshare.core.store.PlanStore;
import city.bikeshare.core.store.DockSilences;
import city.bikeshare.core.store.StationClosures;
import city.bikeshare.core.store.StationStore;
import city.bikeshare.core.store.TruckStore;
import city.bikeshare.store.dynamodb.DynamoPlanStore;
import city.bikeshare.store.dynamodb.DynamoDockSilences;
import city.bikeshare.store.dynamodb.DynamoStationClosures;
import city.bikeshare.store.dynamodb.DynamoStationStore;
import city.bikeshare.store.dynamodb.DynamoTruckStore;
import city.platform.AwsClients;
import city.platform.City;
import city.platform.Config;
import city.platform.DeadLetterStore;
import city.platform.DynamoDeadLetterStore;
import city.platform.IotDevicePublisher;
import java.time.Clock;

/**
 * The bike-share stores and services built from a function's environment: DynamoDB, the IoT data plane and
 * the system clock. Only the handlers' no-arg constructors call it (once per execution environment); their
 * other constructors take the same parts, so tests wire memory stores instead.
 */
public final class Wiring {
  private Wiring() {}

  public static StationStore stations() {
    return new DynamoStationStore(AwsClients.dynamoDb(), table());
  }

  public static TruckStore trucks() {
    return new DynamoTruckStore(AwsClients.dynamoDb(), table());
  }

  public static PlanStore plans() {
    return new DynamoPlanStore(AwsClients.dynamoDb(), table());
  }

  public static StationClosures closures() {
    return new DynamoStationClosures(AwsClients.dynamoDb(), table());
  }

  public static DockSilences dockSilences() {
    return new DynamoDockSilences(AwsClients.dynamoDb(), table());
  }

  public static DeadLetterStore deadLetters() {
    return DynamoDeadLetterStore.fromEnvironment();
  }

  /** The planner wired to DynamoDB and the IoT data plane, for the two functions that make plans. */
  public static PlanService planService() {
    return new PlanService(BikeshareLayout.of(City.current()), stations(), trucks(), plans(), closures(),
        IotDevicePublisher.fromEnvironment(), Clock.systemUTC(), PlanIds.random());
  }

  private static String table() {
    return Config.required(BikeshareTable.ENV);
  }
}
