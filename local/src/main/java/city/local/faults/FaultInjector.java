package city.local.faults;

import city.catalog.Catalog;
import city.catalog.TableSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.iotdataplane.model.IotDataPlaneRequest;
import software.amazon.awssdk.services.iotdataplane.model.PublishRequest;

/**
 * Fails the functions' SDK calls as the {@linkplain FaultPlan#active() active fault plan} says, inside the SDK's
 * own pipeline: a refusal is thrown before an attempt is sent, a lost answer after the attempt was carried out, so
 * the SDK's retry policy, the handler and the twin's asynchronous retries all react as they do to the real
 * failure. Named in {@code SDK_INTERCEPTORS} by the twin when {@value FaultPlan#VARIABLE} is set; a twin class,
 * absent from the Lambda jar.
 */
public final class FaultInjector implements ExecutionInterceptor {
  private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>("city.faults.call");
  private static final Map<String, TableSpec> TABLES = Catalog.standard().tables().stream()
      .collect(Collectors.toMap(TableSpec::id, Function.identity()));

  /** What one SDK call (all its attempts) met. */
  private static final class Call {
    final FaultTarget target;
    final String fingerprint;
    Fault lostAnswer;
    boolean lastAttemptFaulted;
    int faults;

    Call(FaultTarget target, String fingerprint) {
      this.target = target;
      this.fingerprint = fingerprint;
    }
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    FaultPlan.active().ifPresent(plan -> target(context.request()).ifPresent(target -> attributes.putAttribute(CALL,
        new Call(target, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " " + about(context.request())))));
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    Call call = attributes.getAttribute(CALL);
    Optional<FaultPlan> plan = FaultPlan.active();
    if (call == null || plan.isEmpty()) {
      return;
    }
    Fault fault = plan.get().decide(call.target, call.fingerprint);
    call.lastAttemptFaulted = fault != null;
    call.lostAnswer = null;
    if (fault == null) {
      return;
    }
    call.faults++;
    plan.get().injected(fault);
    if (fault.beforeSending()) {
      throw fault.exception();
    }
    call.lostAnswer = fault;
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    Call call = attributes.getAttribute(CALL);
    if (call == null || call.lostAnswer == null) {
      return;
    }
    Fault fault = call.lostAnswer;
    call.lostAnswer = null;
    context.responseBody().ifPresent(FaultInjector::discard);
    throw fault.exception();
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Call call = attributes.getAttribute(CALL);
    if (call != null && call.faults > 0) {
      FaultPlan.active().ifPresent(FaultPlan::recovered);
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    Call call = attributes.getAttribute(CALL);
    if (call != null && call.lastAttemptFaulted) {
      FaultPlan.active().ifPresent(FaultPlan::surfaced);
    }
  }

  private static Optional<FaultTarget> target(SdkRequest request) {
    if (request instanceof DynamoDbRequest) {
      return Optional.of(FaultTarget.DYNAMODB);
    } else if (request instanceof IotDataPlaneRequest) {
      return Optional.of(FaultTarget.IOT);
    } else if (request instanceof EventBridgeRequest) {
      return Optional.of(FaultTarget.EVENTS);
    }
    return Optional.empty();
  }

  /**
   * What a request is about, without what changes from run to run (written values, times in payloads): the
   * table and key of an item, a query's table, index and key values, a publish's topic, an event's type.
   */
  private static String about(SdkRequest request) {
    if (request instanceof GetItemRequest r) {
      return r.tableName() + " " + new TreeMap<>(r.key());
    } else if (request instanceof PutItemRequest r) {
      return r.tableName() + " " + keyOf(r.tableName(), r.item());
    } else if (request instanceof UpdateItemRequest r) {
      return r.tableName() + " " + new TreeMap<>(r.key());
    } else if (request instanceof DeleteItemRequest r) {
      return r.tableName() + " " + new TreeMap<>(r.key());
    } else if (request instanceof QueryRequest r) {
      return r.tableName() + " " + r.indexName() + " " + r.keyConditionExpression() + " " + new TreeMap<>(r.expressionAttributeValues());
    } else if (request instanceof ScanRequest r) {
      return r.tableName() + " " + r.indexName();
    } else if (request instanceof PublishRequest r) {
      return r.topic();
    } else if (request instanceof PutEventsRequest r) {
      return r.entries().stream().map(e -> e.source() + "/" + e.detailType()).collect(Collectors.joining(","));
    }
    return request.getClass().getSimpleName();
  }

  private static Map<String, AttributeValue> keyOf(String tableName, Map<String, AttributeValue> item) {
    TableSpec table = TABLES.get(tableName);
    if (table == null) {
      return new TreeMap<>(item);
    }
    Map<String, AttributeValue> key = new TreeMap<>();
    key.put(table.partitionKey(), item.get(table.partitionKey()));
    if (table.sortKey() != null) {
      key.put(table.sortKey(), item.get(table.sortKey()));
    }
    return key;
  }

  private static void discard(InputStream body) {
    try {
      body.close();
    } catch (IOException ignored) {
      // the lost answer is thrown away either way
    }
  }
}
