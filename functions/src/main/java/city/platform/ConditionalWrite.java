package city.platform;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A write whose condition may refuse it. A refusal is an answer (a duplicate, a newer state, a paid session),
 * not a failure, so it comes back as false; every other error still throws and the invocation is retried.
 */
public final class ConditionalWrite {
  private ConditionalWrite() {}

  /** @return false when the put's condition refused it */
  public static boolean put(DynamoDbClient dynamoDb, PutItemRequest request) {
    return accepted(() -> dynamoDb.putItem(request));
  }

  /** @return false when the update's condition refused it */
  public static boolean update(DynamoDbClient dynamoDb, UpdateItemRequest request) {
    return accepted(() -> dynamoDb.updateItem(request));
  }

  /** @return false when the delete's condition refused it */
  public static boolean delete(DynamoDbClient dynamoDb, DeleteItemRequest request) {
    return accepted(() -> dynamoDb.deleteItem(request));
  }

  private static boolean accepted(Runnable write) {
    try {
      write.run();
      return true;
    } catch (ConditionalCheckFailedException refused) {
      return false;
    }
  }
}
