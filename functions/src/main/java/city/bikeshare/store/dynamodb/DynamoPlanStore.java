package city.bikeshare.store.dynamodb;

import static city.bikeshare.store.dynamodb.Items.decimal;
import static city.bikeshare.store.dynamodb.Items.integer;
import static city.bikeshare.store.dynamodb.Items.longValue;
import static city.bikeshare.store.dynamodb.Items.text;
import static city.platform.DynamoItems.key;
import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.platform.GeoPoint;
import city.bikeshare.core.plan.Plan;
import city.bikeshare.core.plan.PlanStatus;
import city.bikeshare.core.plan.StoredPlan;
import city.bikeshare.core.plan.TruckProgress;
import city.bikeshare.core.store.PlanStore;
import city.platform.ConditionalWrite;
import city.platform.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Items:
 * <ul>
 *   <li>plan: pk {@code PLAN#<planId>}, sk {@code PLAN}: the plan as JSON (a few tens of bytes per stop, so
 *       far below the 400 KB item limit for any plan a few trucks can drive), its status.</li>
 *   <li>progress: same partition, sk {@code PROGRESS#<truckId>}: a plan with its progress is one query.</li>
 *   <li>latest pointer: pk {@code PLAN}, sk {@code LATEST}: moved only to a greater plan id.</li>
 * </ul>
 * Plans and progress expire after {@link #KEEP}; the pointer never does.
 */
public final class DynamoPlanStore implements PlanStore {
  static final Duration KEEP = Duration.ofDays(30);
  private static final String PLAN = "PLAN";
  private static final String PROGRESS = "PROGRESS#";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoPlanStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void save(Plan plan) {
    dynamoDb.putItem(PutItemRequest.builder()
        .tableName(table)
        .item(Map.of(
            "pk", s(partition(plan.planId())),
            "sk", s(PLAN),
            "plan", s(Json.write(plan)),
            "status", s(PlanStatus.PUBLISHING.wireName()),
            "createdAt", s(plan.createdAt().toString()),
            "expiresAt", n(plan.createdAt().toInstant().plus(KEEP).getEpochSecond())))
        .conditionExpression("attribute_not_exists(pk)")
        .build());
  }

  @Override
  public Promotion promote(String planId) {
    try {
      var response = dynamoDb.updateItem(UpdateItemRequest.builder()
          .tableName(table)
          .key(pointerKey())
          .updateExpression("SET planId = :id")
          .conditionExpression("attribute_not_exists(planId) OR planId < :id")
          .expressionAttributeValues(Map.of(":id", s(planId)))
          .returnValues(ReturnValue.UPDATED_OLD)
          .build());
      Optional<String> previous = response.hasAttributes() && response.attributes().containsKey("planId")
          ? Optional.of(text(response.attributes(), "planId"))
          : Optional.empty();
      return new Promotion(true, previous, Optional.of(planId));
    } catch (ConditionalCheckFailedException newerExists) {
      return new Promotion(false, Optional.empty(), latestPlanId());
    }
  }

  @Override
  public Optional<String> latestPlanId() {
    var response = dynamoDb.getItem(GetItemRequest.builder().tableName(table).key(pointerKey()).consistentRead(true).build());
    return response.hasItem() && response.item().containsKey("planId")
        ? Optional.of(text(response.item(), "planId"))
        : Optional.empty();
  }

  @Override
  public Optional<StoredPlan> plan(String planId) {
    var response = dynamoDb.getItem(GetItemRequest.builder().tableName(table).key(planKey(planId)).consistentRead(true).build());
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = response.item();
    return Optional.of(new StoredPlan(
        Json.read(text(item, "plan"), Plan.class),
        PlanStatus.fromWireName(text(item, "status")),
        Optional.ofNullable(item.get("supersededBy")).map(AttributeValue::s)));
  }

  @Override
  public void markActive(String planId, Instant at) {
    // refused when a newer plan took over while this one was being published: it stays superseded
    ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(planKey(planId))
        .updateExpression("SET #status = :active, publishedAt = :at")
        .conditionExpression("#status = :publishing")
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(Map.of(
            ":active", s(PlanStatus.ACTIVE.wireName()),
            ":publishing", s(PlanStatus.PUBLISHING.wireName()),
            ":at", s(at.toString())))
        .build());
  }

  @Override
  public void markSuperseded(String planId, String newerPlanId) {
    // refused when the older plan is gone already (TTL): nothing to mark
    ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(planKey(planId))
        .updateExpression("SET #status = :superseded, supersededBy = :by")
        .conditionExpression("attribute_exists(pk)")
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(Map.of(":superseded", s(PlanStatus.SUPERSEDED.wireName()), ":by", s(newerPlanId)))
        .build());
  }

  @Override
  public OptionalInt recordProgress(TruckProgress progress) {
    long millis = progress.reportedAt().toInstant().toEpochMilli();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":n", n(progress.completedStops()));
    values.put(":zero", n(0));
    values.put(":load", n(progress.load()));
    values.put(":lat", n(progress.position().lat()));
    values.put(":lon", n(progress.position().lon()));
    values.put(":ts", s(progress.reportedAt().toString()));
    values.put(":t", n(millis));
    values.put(":expires", n(progress.reportedAt().toInstant().plus(KEEP).getEpochSecond()));
    try {
      var response = dynamoDb.updateItem(UpdateItemRequest.builder()
          .tableName(table)
          .key(progressKey(progress.planId(), progress.truckId()))
          // the count it replaces stays on the item, so a retried report books the same truck moves again
          .updateExpression("SET previousCompleted = if_not_exists(completedStops, :zero), completedStops = :n, "
              + "#load = :load, lat = :lat, lon = :lon, ts = :ts, tsMillis = :t, expiresAt = :expires")
          .conditionExpression("attribute_not_exists(tsMillis) OR tsMillis < :t")
          .expressionAttributeNames(Map.of("#load", "load"))
          .expressionAttributeValues(values)
          .returnValues(ReturnValue.ALL_NEW)
          .build());
      return OptionalInt.of(integer(response.attributes(), "previousCompleted"));
    } catch (ConditionalCheckFailedException staleOrDuplicate) {
      var stored = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
          .key(progressKey(progress.planId(), progress.truckId())).consistentRead(true).build());
      if (stored.hasItem() && longValue(stored.item(), "tsMillis") == millis
          && integer(stored.item(), "completedStops") == progress.completedStops()) {
        return OptionalInt.of(integer(stored.item(), "previousCompleted"));
      }
      return OptionalInt.empty();
    }
  }

  @Override
  public List<TruckProgress> progress(String planId) {
    return Items.queryAll(dynamoDb, q -> q.tableName(table)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :progress)")
            .expressionAttributeValues(Map.of(":pk", s(partition(planId)), ":progress", s(PROGRESS))))
        .stream()
        .map(item -> new TruckProgress(planId, text(item, "sk").substring(PROGRESS.length()),
            integer(item, "completedStops"), integer(item, "load"),
            new GeoPoint(decimal(item, "lat"), decimal(item, "lon")), OffsetDateTime.parse(text(item, "ts"))))
        .toList();
  }

  private static String partition(String planId) {
    return "PLAN#" + planId;
  }

  private static Map<String, AttributeValue> planKey(String planId) {
    return key(partition(planId), PLAN);
  }

  private static Map<String, AttributeValue> progressKey(String planId, String truckId) {
    return key(partition(planId), PROGRESS + truckId);
  }

  private static Map<String, AttributeValue> pointerKey() {
    return key(PLAN, "LATEST");
  }
}
