package city.parking;

import city.parking.store.IdempotencyStore;
import city.parking.store.PlateReadStore;
import city.parking.store.SessionStore;
import city.parking.store.SpaceStore;
import city.parking.store.dynamodb.DynamoIdempotencyStore;
import city.parking.store.dynamodb.DynamoPlateReadStore;
import city.parking.store.dynamodb.DynamoSessionStore;
import city.parking.store.dynamodb.DynamoSpaceStore;
import city.platform.AwsClients;
import city.platform.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The parking table seen through each store interface. */
public record ParkingStores(SpaceStore spaces, SessionStore sessions, PlateReadStore plateReads, IdempotencyStore keys) {
  public static ParkingStores dynamo(DynamoDbClient dynamoDb, String table) {
    return new ParkingStores(new DynamoSpaceStore(dynamoDb, table), new DynamoSessionStore(dynamoDb, table),
        new DynamoPlateReadStore(dynamoDb, table), new DynamoIdempotencyStore(dynamoDb, table));
  }

  /** The client is built, not used: building a handler does no I/O. */
  public static ParkingStores fromEnvironment() {
    return dynamo(AwsClients.dynamoDb(), Config.required(ParkingTable.ENV));
  }
}
