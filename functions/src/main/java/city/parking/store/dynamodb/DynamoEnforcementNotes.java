package city.parking.store.dynamodb;

import static city.platform.DynamoItems.s;

import city.parking.core.EnforcementNote;
import city.parking.core.EnforcementNotes;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Notes beside the zone's heads: pk {@code ZONE#<zone>}, sk {@code ENFORCEMENT#<spaceId>#<sessionId>}; a space's
 * notes are one query of its prefix. One item per session: the same event again writes the same item.
 */
public final class DynamoEnforcementNotes implements EnforcementNotes {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoEnforcementNotes(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void put(EnforcementNote note) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s("ZONE#" + note.zone()));
    item.put("sk", s(prefix(note.spaceId()) + note.sessionId()));
    item.put("sessionId", s(note.sessionId()));
    item.put("spaceId", s(note.spaceId()));
    item.put("incidentId", s(note.incidentId()));
    item.put("resolution", s(note.resolution()));
    item.put("closedAt", s(note.closedAt().toString()));
    if (note.unitId() != null) {
      item.put("unitId", s(note.unitId()));
    }
    dynamoDb.putItem(PutItemRequest.builder().tableName(table).item(item).build());
  }

  @Override
  public List<EnforcementNote> ofSpace(String zone, String spaceId) {
    return Items.queryAll(dynamoDb, QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
        .expressionAttributeValues(Map.of(":pk", s("ZONE#" + zone), ":prefix", s(prefix(spaceId))))
        .build(), item -> new EnforcementNote(zone, Items.requiredString(item, "spaceId"),
            Items.requiredString(item, "sessionId"), Items.requiredString(item, "incidentId"),
            Items.string(item, "unitId").orElse(null), Items.requiredString(item, "resolution"),
            OffsetDateTime.parse(Items.requiredString(item, "closedAt"))));
  }

  /** The separator after the id keeps S1's notes apart from S10's. */
  private static String prefix(String spaceId) {
    return "ENFORCEMENT#" + spaceId + "#";
  }
}
