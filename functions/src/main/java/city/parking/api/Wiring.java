package city.parking.api;

import city.parking.core.EnforcementNotes;
import city.parking.core.ParkingStores;
import city.parking.core.ParkingTable;
import city.parking.core.PaymentProvider;
import city.parking.core.SensorSilences;
import city.parking.core.SpaceClosures;
import city.parking.payment.SimulatedPaymentProvider;
import city.parking.store.dynamodb.DynamoEnforcementNotes;
import city.parking.store.dynamodb.DynamoIdempotencyStore;
import city.parking.store.dynamodb.DynamoPaymentIntentStore;
import city.parking.store.dynamodb.DynamoPlateReadStore;
import city.parking.store.dynamodb.DynamoSessionStore;
import city.parking.store.dynamodb.DynamoSensorSilences;
import city.parking.store.dynamodb.DynamoSpaceClosures;
import city.parking.store.dynamodb.DynamoSpaceStore;
import city.platform.AwsClients;
import city.platform.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the handlers' no-arg constructors build from the environment: the parking table behind each store
 * interface, and the payment provider. It sits beside the handlers, not in the domain's root package: the
 * module names the handler classes, so handlers that reached back into the root would close a package cycle.
 */
public final class Wiring {
  /** Which provider takes the money; the twin and the demo use the simulated one. */
  private static final String PROVIDER_ENV = "PAYMENT_PROVIDER";

  private Wiring() {}

  public static ParkingStores stores(DynamoDbClient dynamoDb, String table) {
    return new ParkingStores(new DynamoSpaceStore(dynamoDb, table), new DynamoSessionStore(dynamoDb, table),
        new DynamoPlateReadStore(dynamoDb, table), new DynamoIdempotencyStore(dynamoDb, table),
        new DynamoPaymentIntentStore(dynamoDb, table));
  }

  /** The client is built, not used: building a handler does no I/O. */
  static ParkingStores storesFromEnvironment() {
    return stores(AwsClients.dynamoDb(), Config.required(ParkingTable.ENV));
  }

  static SpaceClosures closuresFromEnvironment() {
    return new DynamoSpaceClosures(AwsClients.dynamoDb(), Config.required(ParkingTable.ENV));
  }

  static SensorSilences silencesFromEnvironment() {
    return new DynamoSensorSilences(AwsClients.dynamoDb(), Config.required(ParkingTable.ENV));
  }

  static EnforcementNotes enforcementNotesFromEnvironment() {
    return new DynamoEnforcementNotes(AwsClients.dynamoDb(), Config.required(ParkingTable.ENV));
  }

  static PaymentProvider paymentProviderFromEnvironment() {
    return paymentProvider(Config.string(PROVIDER_ENV, SimulatedPaymentProvider.NAME));
  }

  private static PaymentProvider paymentProvider(String name) {
    if (SimulatedPaymentProvider.NAME.equals(name)) {
      return new SimulatedPaymentProvider();
    }
    throw new IllegalStateException(PROVIDER_ENV + "=" + name + ": no such payment provider is built in");
  }
}
