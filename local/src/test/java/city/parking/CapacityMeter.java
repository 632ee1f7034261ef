package city.parking;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Counts DynamoDB request units as the service bills them, from dynalite's ConsumedCapacity (it computes
 * units from item sizes like DynamoDB: 1 KB per write unit, 4 KB per read unit, half for eventually
 * consistent reads). dynalite reports neither a refused conditional write (DynamoDB bills it one write unit
 * per KB of the item) nor index writes, so those are added here: a refused write as one unit, a write that
 * carries gsi1 attributes as one more.
 */
final class CapacityMeter implements ExecutionInterceptor {
  final DoubleAdder readUnits = new DoubleAdder();
  final DoubleAdder writeUnits = new DoubleAdder();
  final LongAdder requests = new LongAdder();
  final LongAdder refusedWrites = new LongAdder();
  final LongAdder indexWrites = new LongAdder();

  record Reading(double readUnits, double writeUnits, long requests, long indexWrites) {
    Reading minus(Reading before) {
      return new Reading(readUnits - before.readUnits, writeUnits - before.writeUnits, requests - before.requests,
          indexWrites - before.indexWrites);
    }
  }

  Reading snapshot() {
    return new Reading(readUnits.sum(), writeUnits.sum(), requests.sum(), indexWrites.sum());
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof GetItemRequest get) {
      return get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }
    if (request instanceof QueryRequest query) {
      return query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }
    if (request instanceof PutItemRequest put) {
      return put.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }
    if (request instanceof UpdateItemRequest update) {
      return update.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }
    return request;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    requests.increment();
    Object response = context.response();
    if (response instanceof GetItemResponse get) {
      readUnits.add(units(get.consumedCapacity()));
    } else if (response instanceof QueryResponse query) {
      readUnits.add(units(query.consumedCapacity()));
    } else if (response instanceof PutItemResponse put) {
      writeUnits.add(units(put.consumedCapacity()));
      if (context.request() instanceof PutItemRequest request && request.item().containsKey("gsi1pk")) {
        indexWrite();
      }
    } else if (response instanceof UpdateItemResponse update) {
      writeUnits.add(units(update.consumedCapacity()));
      if (context.request() instanceof UpdateItemRequest request && request.updateExpression() != null
          && request.updateExpression().contains("gsi1")) {
        indexWrite();
      }
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    requests.increment();
    if (context.exception() instanceof ConditionalCheckFailedException) {
      refusedWrites.increment();
      writeUnits.add(1);
    }
  }

  private void indexWrite() {
    indexWrites.increment();
    writeUnits.add(1);
  }

  private static double units(ConsumedCapacity capacity) {
    return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
  }

}
