package city.dispatch;

import city.dispatch.store.IncidentStore;
import city.dispatch.store.SensorStore;
import city.dispatch.store.UnitStore;
import city.dispatch.store.dynamodb.DynamoIncidentStore;
import city.dispatch.store.dynamodb.DynamoSensorStore;
import city.dispatch.store.dynamodb.DynamoUnitStore;
import city.platform.AwsClients;
import city.platform.City;
import city.platform.Config;
import city.platform.DevicePublisher;
import city.platform.IotDevicePublisher;
import java.time.Clock;

/**
 * What the dispatch handlers are built from: the city's settings, the stores, the device publisher and the
 * clock. Handlers build it once per execution environment; tests build it from fakes.
 */
public record DispatchRuntime(
    DispatchSettings settings,
    IncidentStore incidents,
    UnitStore units,
    SensorStore sensors,
    DevicePublisher publisher,
    Clock clock) {

  /** The real clients; the table name comes from {@link DispatchTable#ENV}. */
  public static DispatchRuntime fromEnvironment(City city) {
    String table = Config.required(DispatchTable.ENV);
    return new DispatchRuntime(
        DispatchSettings.of(city),
        new DynamoIncidentStore(AwsClients.dynamoDb(), table),
        new DynamoUnitStore(AwsClients.dynamoDb(), table),
        new DynamoSensorStore(AwsClients.dynamoDb(), table),
        IotDevicePublisher.fromEnvironment(),
        Clock.systemUTC());
  }

  public Dispatcher dispatcher() {
    return new Dispatcher(settings, incidents, units, publisher, clock);
  }
}
