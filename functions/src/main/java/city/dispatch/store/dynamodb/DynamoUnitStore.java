package city.dispatch.store.dynamodb;

import static city.platform.DynamoItems.key;
import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.dispatch.core.UnitState;
import city.dispatch.core.UnitStatus;
import city.dispatch.core.UnitStatusReport;
import city.dispatch.core.UnitStore;
import city.platform.ConditionalWrite;
import city.platform.GeoPoint;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Unit items: pk {@code UNIT#<unitId>}, sk {@code STATE}. What the unit said ({@code reported}, position,
 * {@code statusTs}) and what dispatch gave it ({@code incidentId}, {@code claimId}, {@code claimedAt}) are
 * separate attributes, so a status message never clears an assignment and a claim never fakes a status.
 * {@code pendingCancels} is a string set of the incidents taken back from the unit whose cancel it has not
 * confirmed; set operations (ADD, DELETE) keep every change to it idempotent.
 */
public final class DynamoUnitStore implements UnitStore {
  private static final int BATCH_GET_LIMIT = 100;
  private static final Map<String, String> NAMES = Map.of("#reported", "reported");

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoUnitStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Map<String, UnitState> find(Collection<String> unitIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(unitIds));
    Map<String, UnitState> found = new HashMap<>();
    for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
      List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT))
          .stream().map(DynamoUnitStore::unitKey).toList();
      Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
      while (!pending.isEmpty()) {
        final Map<String, KeysAndAttributes> request = pending;
        BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(request));
        for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
          UnitState state = state(item);
          found.put(state.unitId(), state);
        }
        pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return found;
  }

  @Override
  public boolean applyStatus(UnitStatusReport report, OffsetDateTime receivedAt) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":kind", s(report.kind()));
    values.put(":reported", s(report.status().wireName()));
    values.put(":ts", s(SortableTime.of(report.ts())));
    values.put(":tsText", s(report.ts().toString()));
    values.put(":updatedAt", s(receivedAt.toString()));
    String set = "SET kind = :kind, #reported = :reported, statusTs = :ts, statusAt = :tsText, updatedAt = :updatedAt";
    if (report.position() != null) {
      values.put(":lat", n(report.position().lat()));
      values.put(":lon", n(report.position().lon()));
      set += ", lat = :lat, lon = :lon";
    }
    return ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(unitKey(report.unitId()))
        .updateExpression(set)
        .conditionExpression("attribute_not_exists(statusTs) OR statusTs < :ts")
        .expressionAttributeNames(NAMES)
        .expressionAttributeValues(values)
        .build());
  }

  @Override
  public boolean claim(String unitId, String incidentId, String claimId, OffsetDateTime at) {
    return ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(unitKey(unitId))
        .updateExpression("SET incidentId = :incident, claimId = :claim, claimedAt = :at")
        .conditionExpression("#reported = :available AND attribute_not_exists(incidentId)")
        .expressionAttributeNames(NAMES)
        .expressionAttributeValues(Map.of(
            ":incident", s(incidentId),
            ":claim", s(claimId),
            ":at", s(at.toString()),
            ":available", s(UnitStatus.AVAILABLE.wireName())))
        .build());
  }

  @Override
  public boolean release(String unitId, String incidentId, String claimId, Optional<UnitStatus> markAs) {
    return freeing(unitId, incidentId, claimId, markAs, false);
  }

  @Override
  public boolean releaseWithdrawn(String unitId, String incidentId, String claimId, Optional<UnitStatus> markAs) {
    return freeing(unitId, incidentId, claimId, markAs, true);
  }

  @Override
  public boolean oweCancel(String unitId, String incidentId) {
    return ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(unitKey(unitId))
        .updateExpression("ADD pendingCancels :owed")
        .conditionExpression("attribute_not_exists(incidentId) OR incidentId <> :incident")
        .expressionAttributeValues(Map.of(":owed", ss(Set.of(incidentId)), ":incident", s(incidentId)))
        .build());
  }

  @Override
  public boolean clearCancels(String unitId, Set<String> incidentIds) {
    if (incidentIds.isEmpty()) {
      return false;
    }
    List<String> ids = List.copyOf(incidentIds);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":confirmed", ss(incidentIds));
    List<String> owed = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      values.put(":c" + i, s(ids.get(i)));
      owed.add("contains(pendingCancels, :c" + i + ")");
    }
    return ConditionalWrite.update(dynamoDb, UpdateItemRequest.builder()
        .tableName(table)
        .key(unitKey(unitId))
        .updateExpression("DELETE pendingCancels :confirmed")
        .conditionExpression(String.join(" OR ", owed))
        .expressionAttributeValues(values)
        .build());
  }

  private boolean freeing(String unitId, String incidentId, String claimId, Optional<UnitStatus> markAs,
      boolean owesCancel) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":incident", s(incidentId));
    values.put(":claim", s(claimId));
    String expression = "REMOVE incidentId, claimId, claimedAt";
    if (markAs.isPresent()) {
      values.put(":mark", s(markAs.get().wireName()));
      expression = "SET #reported = :mark " + expression;
    }
    if (owesCancel) {
      values.put(":owed", ss(Set.of(incidentId)));
      expression += " ADD pendingCancels :owed";
    }
    UpdateItemRequest.Builder request = UpdateItemRequest.builder()
        .tableName(table)
        .key(unitKey(unitId))
        .updateExpression(expression)
        .conditionExpression("incidentId = :incident AND claimId = :claim")
        .expressionAttributeValues(values);
    if (markAs.isPresent()) {
      request.expressionAttributeNames(NAMES);
    }
    return ConditionalWrite.update(dynamoDb, request.build());
  }

  private static AttributeValue ss(Set<String> values) {
    return AttributeValue.builder().ss(List.copyOf(values)).build();
  }

  private static UnitState state(Map<String, AttributeValue> item) {
    GeoPoint position = item.containsKey("lat") && item.containsKey("lon")
        ? new GeoPoint(Double.parseDouble(item.get("lat").n()), Double.parseDouble(item.get("lon").n()))
        : null;
    return new UnitState(
        item.get("pk").s().substring("UNIT#".length()),
        text(item, "kind"),
        item.containsKey("reported") ? UnitStatus.fromWireName(item.get("reported").s()) : UnitStatus.OFFLINE,
        position,
        time(item, "statusAt"),
        text(item, "incidentId"),
        text(item, "claimId"),
        time(item, "claimedAt"),
        item.containsKey("pendingCancels") ? Set.copyOf(item.get("pendingCancels").ss()) : Set.of());
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static OffsetDateTime time(Map<String, AttributeValue> item, String name) {
    String text = text(item, name);
    return text == null ? null : OffsetDateTime.parse(text);
  }

  private static Map<String, AttributeValue> unitKey(String unitId) {
    return key("UNIT#" + unitId, "STATE");
  }
}
