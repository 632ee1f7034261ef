package city.dispatch.api;

import city.dispatch.core.CitizenInbox;
import city.dispatch.core.CitizenNotifier;
import city.dispatch.core.DispatchQueries;
import city.dispatch.core.DispatchSettings;
import city.dispatch.core.DispatchTable;
import city.dispatch.core.Dispatcher;
import city.dispatch.core.IncidentEvents;
import city.dispatch.core.IncidentStore;
import city.dispatch.core.SensorStore;
import city.dispatch.core.UnitStore;
import city.dispatch.core.WorkOrderQueries;
import city.dispatch.store.dynamodb.DynamoCitizenInbox;
import city.dispatch.store.dynamodb.DynamoIncidentStore;
import city.dispatch.store.dynamodb.DynamoSensorStore;
import city.dispatch.store.dynamodb.DynamoUnitStore;
import city.platform.AwsClients;
import city.platform.City;
import city.platform.Config;
import city.platform.DevicePublisher;
import city.platform.EventBridgePublisher;
import city.platform.EventPublisher;
import city.platform.IotDevicePublisher;
import java.time.Clock;
import java.util.List;

/**
 * What the dispatch handlers are built from: the city's settings, the stores, the device publisher, the city
 * bus and the clock. Handlers build it once per execution environment; tests build it from fakes.
 *
 * <p>It lives beside the handlers, not in the domain's root package: the module there names the handler
 * classes, so a root-package wiring that the handlers call would make the two packages depend on each other.
 */
public record Wiring(
    DispatchSettings settings,
    IncidentStore incidents,
    UnitStore units,
    SensorStore sensors,
    DevicePublisher publisher,
    EventPublisher events,
    Clock clock,
    CitizenNotifier notifier,
    CitizenInbox inbox) {

  /** Without notifications: for tests that do not look at them. */
  public Wiring(DispatchSettings settings, IncidentStore incidents, UnitStore units, SensorStore sensors,
      DevicePublisher publisher, EventPublisher events, Clock clock) {
    this(settings, incidents, units, sensors, publisher, events, clock, CitizenNotifier.DISCARD, citizen -> List.of());
  }

  /**
   * The real clients; the table names come from {@link DispatchTable#ENV} and, for the one function that keeps
   * reporters' contacts, {@link DispatchTable#CONTACTS_ENV}.
   */
  public static Wiring fromEnvironment(City city) {
    String table = Config.required(DispatchTable.ENV);
    DynamoCitizenInbox inbox = new DynamoCitizenInbox(AwsClients.dynamoDb(), table);
    return new Wiring(
        DispatchSettings.of(city),
        new DynamoIncidentStore(AwsClients.dynamoDb(), table, Config.optional(DispatchTable.CONTACTS_ENV)),
        new DynamoUnitStore(AwsClients.dynamoDb(), table),
        new DynamoSensorStore(AwsClients.dynamoDb(), table),
        IotDevicePublisher.fromEnvironment(),
        EventBridgePublisher.fromEnvironment(),
        Clock.systemUTC(),
        inbox,
        inbox);
  }

  /** The ops API only reads: no sensor store and no device publisher, whose endpoint its function is not given. */
  public static DispatchQueries queriesFromEnvironment(City city) {
    String table = Config.required(DispatchTable.ENV);
    return new DispatchQueries(DispatchSettings.of(city), new DynamoIncidentStore(AwsClients.dynamoDb(), table),
        new DynamoUnitStore(AwsClients.dynamoDb(), table), Clock.systemUTC());
  }

  /** The work orders' reads, for the same read-only ops function. */
  public static WorkOrderQueries workOrdersFromEnvironment(City city) {
    return new WorkOrderQueries(DispatchSettings.of(city),
        new DynamoIncidentStore(AwsClients.dynamoDb(), Config.required(DispatchTable.ENV)), Clock.systemUTC());
  }

  public IncidentEvents incidentEvents() {
    return new IncidentEvents(events);
  }

  public Dispatcher dispatcher() {
    return new Dispatcher(settings, incidents, units, publisher, clock);
  }
}
