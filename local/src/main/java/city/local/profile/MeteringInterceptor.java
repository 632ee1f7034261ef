package city.local.profile;

import city.catalog.Catalog;
import city.catalog.TableSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.iotdataplane.model.PublishRequest;

/**
 * Asks DynamoDB (dynalite in the twin) for the consumed capacity of every request and adds it to the running
 * invocation's tally, with what dynalite does not report but DynamoDB bills: a refused conditional write (one
 * write unit, the item is assumed within 1 KB) and the write to each secondary index whose key the write sets
 * (as many units again as the table write: the indexes project every attribute). Counts IoT data-plane
 * publishes too. Named in {@code SDK_INTERCEPTORS} by {@link ProfileBench}.
 */
public final class MeteringInterceptor implements ExecutionInterceptor {
  private static final Map<String, TableSpec> TABLES = Catalog.standard().tables().stream()
      .collect(Collectors.toMap(TableSpec::id, Function.identity()));

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
    if (request instanceof GetItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof QueryRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof ScanRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof BatchGetItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof PutItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof UpdateItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof DeleteItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof BatchWriteItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    return request;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    UsageMeter.current().ifPresent(usage -> count(usage, context.request(), context.response()));
  }

  private static void count(FunctionUsage usage, SdkRequest request, Object response) {
    if (response instanceof GetItemResponse r) {
      usage.dynamoDb(units(r.consumedCapacity()), 0);
    } else if (response instanceof QueryResponse r) {
      usage.dynamoDb(units(r.consumedCapacity()), 0);
    } else if (response instanceof ScanResponse r) {
      usage.dynamoDb(units(r.consumedCapacity()), 0);
    } else if (response instanceof BatchGetItemResponse r) {
      usage.dynamoDb(r.consumedCapacity().stream().mapToDouble(MeteringInterceptor::units).sum(), 0);
    } else if (response instanceof PutItemResponse r && request instanceof PutItemRequest put) {
      double units = units(r.consumedCapacity());
      usage.dynamoDb(0, units * (1 + indexesKeyedBy(put.tableName(), put.item().keySet()::contains)));
    } else if (response instanceof UpdateItemResponse r && request instanceof UpdateItemRequest update) {
      double units = units(r.consumedCapacity());
      usage.dynamoDb(0, units * (1 + indexesKeyedBy(update.tableName(), attribute -> mentions(update, attribute))));
    } else if (response instanceof DeleteItemResponse r) {
      usage.dynamoDb(0, units(r.consumedCapacity()));
    } else if (response instanceof BatchWriteItemResponse r) {
      usage.dynamoDb(0, r.consumedCapacity().stream().mapToDouble(MeteringInterceptor::units).sum());
    } else if (request instanceof PublishRequest) {
      usage.published();
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    if (context.exception() instanceof ConditionalCheckFailedException) {
      UsageMeter.current().ifPresent(usage -> usage.dynamoDb(0, 1));
    }
  }

  private static int indexesKeyedBy(String table, Predicate<String> written) {
    List<TableSpec.IndexSpec> indexes = Optional.ofNullable(TABLES.get(table)).map(TableSpec::indexes).orElse(List.of());
    return (int) indexes.stream().filter(index -> written.test(index.partitionKey())).count();
  }

  private static boolean mentions(UpdateItemRequest update, String attribute) {
    String expression = Optional.ofNullable(update.updateExpression()).orElse("");
    return expression.contains(attribute) || (update.hasExpressionAttributeNames()
        && update.expressionAttributeNames().entrySet().stream()
            .anyMatch(name -> name.getValue().equals(attribute) && expression.contains(name.getKey())));
  }

  private static double units(ConsumedCapacity capacity) {
    return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
  }
}
