package city.dispatch.store.dynamodb;

import static city.platform.DynamoItems.key;
import static city.platform.DynamoItems.n;
import static city.platform.DynamoItems.s;

import city.dispatch.core.Incident;
import city.dispatch.core.IncidentSource;
import city.dispatch.core.IncidentStatus;
import city.dispatch.core.IncidentStore;
import city.dispatch.core.ReportedEntry;
import city.dispatch.core.ReporterContact;
import city.platform.ConditionalWrite;
import city.platform.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Items of the dispatch table that hold incidents:
 * <ul>
 *   <li>the incident: pk {@code INCIDENT#<id>}, sk {@code INCIDENT}; the whole incident as JSON in {@code doc}
 *       (it is always read and written whole), {@code version} for optimistic locking, and while it is active
 *       the index keys gsi1pk {@code ACTIVE#<status>#<kind>}, gsi1sk {@code <priority>#<reportedAt>#<id>}, so a
 *       queue is one index query already in queue order and closed incidents leave the index;</li>
 *   <li>the reporter's contact, in its own table (only the Open311 function may write it, no function may read
 *       it): pk {@code INCIDENT#<id>}, sk {@code CONTACT}, expiring after {@link #KEEP_CONTACT};</li>
 *   <li>the ledger: pk {@code REPORTED#<yyyy-MM>} (UTC), sk {@code <reportedAt>#<id>}, for searches by date.</li>
 * </ul>
 */
public final class DynamoIncidentStore implements IncidentStore {
  /** How long a reporter's contact is kept: long enough to follow up a report, then deleted by TTL. */
  static final Duration KEEP_CONTACT = Duration.ofDays(180);
  private static final int BATCH_GET_LIMIT = 100;
  private static final String INCIDENT_SK = "INCIDENT";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Optional<String> contactsTable;

  /** A store that never keeps a contact: the functions that are not given the contacts table. */
  public DynamoIncidentStore(DynamoDbClient dynamoDb, String table) {
    this(dynamoDb, table, Optional.empty());
  }

  public DynamoIncidentStore(DynamoDbClient dynamoDb, String table, Optional<String> contactsTable) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.contactsTable = contactsTable;
  }

  @Override
  public boolean create(Incident incident, Optional<ReporterContact> contact) {
    contact.ifPresent(c -> keepContact(incident.incidentId(), c, incident.report().reportedAt()));
    // ledger first: a line whose incident never got written is skipped by readers, a missing line would hide it
    Instant reportedAt = incident.report().reportedAt().toInstant();
    Map<String, AttributeValue> line = new HashMap<>();
    line.put("pk", s("REPORTED#" + SortableTime.month(reportedAt)));
    line.put("sk", s(SortableTime.of(reportedAt) + "#" + incident.incidentId()));
    line.put("incidentId", s(incident.incidentId()));
    line.put("source", s(incident.report().source().wireName()));
    line.put("reportedAt", s(SortableTime.of(reportedAt)));
    if (incident.report().source().citizenReport()) {
      line.put("serviceCode", s(incident.report().origin()));
    }
    dynamoDb.putItem(PutItemRequest.builder().tableName(table).item(line).build());
    return ConditionalWrite.put(dynamoDb, PutItemRequest.builder()
        .tableName(table)
        .item(item(incident.atVersion(1)))
        .conditionExpression("attribute_not_exists(pk)")
        .build());
  }

  /** Put-if-absent: a replayed request never overwrites the first reporter's contact. */
  @Override
  public void keepContact(String reporterId, ReporterContact contact, OffsetDateTime reportedAt) {
    String contacts = contactsTable.orElseThrow(() -> new IllegalStateException(
        "a reporter's contact arrived at a function that is not given the contacts table"));
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s("INCIDENT#" + reporterId));
    item.put("sk", s("CONTACT"));
    putIfPresent(item, "email", contact.email());
    putIfPresent(item, "firstName", contact.firstName());
    putIfPresent(item, "lastName", contact.lastName());
    putIfPresent(item, "phone", contact.phone());
    putIfPresent(item, "deviceId", contact.deviceId());
    putIfPresent(item, "accountId", contact.accountId());
    item.put("expiresAt", n(reportedAt.toInstant().plus(KEEP_CONTACT).getEpochSecond()));
    // refused when a request under this id came first: it keeps its contact
    ConditionalWrite.put(dynamoDb, PutItemRequest.builder().tableName(contacts).item(item)
        .conditionExpression("attribute_not_exists(pk)").build());
  }

  @Override
  public Map<String, ReporterContact> contacts(Collection<String> reporterIds) {
    String contacts = contactsTable.orElseThrow(() -> new IllegalStateException(
        "a reporter's contact was asked of a function that is not given the contacts table"));
    Map<String, ReporterContact> found = new HashMap<>();
    for (String reporterId : new LinkedHashSet<>(reporterIds)) {
      GetItemResponse response = dynamoDb.getItem(b -> b.tableName(contacts)
          .key(key("INCIDENT#" + reporterId, "CONTACT")).consistentRead(true));
      if (response.hasItem() && !response.item().isEmpty()) {
        Map<String, AttributeValue> item = response.item();
        found.put(reporterId, new ReporterContact(text(item, "email"), text(item, "firstName"), text(item, "lastName"),
            text(item, "phone"), text(item, "deviceId"), text(item, "accountId")));
      }
    }
    return found;
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  @Override
  public Optional<Incident> find(String incidentId) {
    GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table).key(incidentKey(incidentId)).consistentRead(true));
    return response.hasItem() && !response.item().isEmpty() ? Optional.of(incident(response.item())) : Optional.empty();
  }

  @Override
  public List<Incident> findAll(Collection<String> incidentIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(incidentIds));
    List<Incident> found = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
      List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT))
          .stream().map(DynamoIncidentStore::incidentKey).toList();
      Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
      while (!pending.isEmpty()) {
        final Map<String, KeysAndAttributes> request = pending;
        BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(request));
        response.responses().getOrDefault(table, List.of()).forEach(item -> found.add(incident(item)));
        pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return found;
  }

  @Override
  public boolean replace(Incident current, Incident next) {
    return ConditionalWrite.put(dynamoDb, PutItemRequest.builder()
        .tableName(table)
        .item(item(next.atVersion(current.version() + 1)))
        .conditionExpression("version = :version")
        .expressionAttributeValues(Map.of(":version", n(current.version())))
        .build());
  }

  @Override
  public List<Incident> active(IncidentStatus status, String kind) {
    return dynamoDb.queryPaginator(QueryRequest.builder()
            .tableName(table)
            .indexName("gsi1")
            .keyConditionExpression("gsi1pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(activeKey(status, kind))))
            .build())
        .items().stream().map(DynamoIncidentStore::incident).toList();
  }

  @Override
  public List<ReportedEntry> reported(Instant from, Instant to) {
    List<ReportedEntry> entries = new ArrayList<>();
    if (!from.isBefore(to)) {
      return entries;
    }
    YearMonth last = YearMonth.from(to.minusNanos(1).atOffset(ZoneOffset.UTC));
    for (YearMonth month = YearMonth.from(from.atOffset(ZoneOffset.UTC)); !month.isAfter(last); month = month.plusMonths(1)) {
      var items = dynamoDb.queryPaginator(QueryRequest.builder()
          .tableName(table)
          .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
          .expressionAttributeValues(Map.of(
              ":pk", s("REPORTED#" + month),
              ":from", s(SortableTime.of(from)),
              ":to", s(SortableTime.of(to))))
          .build()).items();
      for (Map<String, AttributeValue> item : items) {
        AttributeValue serviceCode = item.get("serviceCode");
        entries.add(new ReportedEntry(item.get("incidentId").s(), IncidentSource.fromWireName(item.get("source").s()),
            serviceCode == null ? null : serviceCode.s(), Instant.parse(item.get("reportedAt").s())));
      }
    }
    return entries;
  }

  private static Map<String, AttributeValue> item(Incident incident) {
    Map<String, AttributeValue> item = new HashMap<>(incidentKey(incident.incidentId()));
    item.put("doc", s(Json.write(incident)));
    item.put("version", n(incident.version()));
    item.put("status", s(incident.status().wireName()));
    item.put("kind", s(incident.kind()));
    item.put("priority", n(incident.priority()));
    if (incident.status().active()) {
      item.put("gsi1pk", s(activeKey(incident.status(), incident.kind())));
      item.put("gsi1sk", s(String.format("%03d", incident.priority()) + "#"
          + SortableTime.of(incident.report().reportedAt()) + "#" + incident.incidentId()));
    }
    return item;
  }

  private static Incident incident(Map<String, AttributeValue> item) {
    return Json.read(item.get("doc").s(), Incident.class).atVersion(Long.parseLong(item.get("version").n()));
  }

  private static String activeKey(IncidentStatus status, String kind) {
    return "ACTIVE#" + status.wireName() + "#" + kind;
  }

  private static Map<String, AttributeValue> incidentKey(String incidentId) {
    return key("INCIDENT#" + incidentId, INCIDENT_SK);
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }
}
