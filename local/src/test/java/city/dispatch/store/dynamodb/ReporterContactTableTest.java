package city.dispatch.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.TableSpec;
import city.dispatch.core.AlertTally;
import city.dispatch.core.Incident;
import city.dispatch.core.IncidentSource;
import city.dispatch.core.Report;
import city.dispatch.core.ReporterContact;
import city.dispatch.core.Severity;
import city.local.RepoRoot;
import city.local.dynamodb.Dynalite;
import city.local.dynamodb.LocalDynamoDb;
import city.local.dynamodb.TableCreator;
import city.platform.GeoPoint;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A reporter's contact lands in the contacts table, the one only the Open311 function may write and read (the
 * call-taker's recorded follow-up), never beside the incident in the dispatch table that every dispatch function
 * reads. On real dynalite.
 */
class ReporterContactTableTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final String DISPATCH = "Dispatch";
  private static final String CONTACTS = "DispatchContacts";
  private static Dynalite dynalite;
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void start() {
    dynalite = Dynalite.start(RepoRoot.find(), Optional.empty());
    dynamoDb = LocalDynamoDb.client(dynalite.endpoint(), "cn-north-1");
    List<TableSpec> tables = Catalog.standard().tables().stream()
        .filter(t -> t.id().equals(DISPATCH) || t.id().equals(CONTACTS)).toList();
    assertEquals(2, tables.size(), "the catalog declares both tables");
    new TableCreator(dynamoDb).ensure(tables, Map.of(DISPATCH, DISPATCH, CONTACTS, CONTACTS));
  }

  @AfterAll
  static void stop() {
    if (dynamoDb != null) {
      dynamoDb.close();
    }
    if (dynalite != null) {
      dynalite.close();
    }
  }

  @Test
  void theContactIsKeptInItsOwnTableAndTheFirstReporterKeepsIt() {
    DynamoIncidentStore store = new DynamoIncidentStore(dynamoDb, DISPATCH, Optional.of(CONTACTS));
    Incident incident = reported("R-contact");
    assertTrue(store.create(incident, Optional.of(contact("li.wei@example.org"))));
    assertFalse(store.create(incident, Optional.of(contact("someone.else@example.org"))), "a replay is the same request");

    Map<String, AttributeValue> kept = dynamoDb.getItem(b -> b.tableName(CONTACTS).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("INCIDENT#R-contact"), "sk", AttributeValue.fromS("CONTACT")))).item();
    assertEquals("li.wei@example.org", kept.get("email").s());
    assertTrue(kept.containsKey("expiresAt"), "deleted by TTL");
    String dispatchTable = dynamoDb.scan(b -> b.tableName(DISPATCH)).items().stream()
        .map(Map::toString).collect(Collectors.joining("\n"));
    assertFalse(dispatchTable.contains("li.wei") || dispatchTable.contains("CONTACT"),
        "no personal data beside the incidents: " + dispatchTable);
  }

  @Test
  void aFunctionWithoutTheContactsTableRefusesAContactInsteadOfStoringItBesideTheIncident() {
    DynamoIncidentStore store = new DynamoIncidentStore(dynamoDb, DISPATCH);
    assertThrows(IllegalStateException.class,
        () -> store.create(reported("R-nowhere"), Optional.of(contact("wang.fang@example.org"))));
    assertTrue(store.create(reported("R-anonymous"), Optional.empty()), "a report without a contact needs no such table");
  }

  private static Incident reported(String id) {
    OffsetDateTime now = OffsetDateTime.now(ZONE);
    Report report = new Report(IncidentSource.OPEN311, "pothole", "pothole", null, "roads",
        new GeoPoint(36.51, 118.53), false, null, "Deep pothole", null, now, "fingerprint-" + id);
    return Incident.reported(id, report, Severity.MEDIUM, 3, new AlertTally(1, now));
  }

  private static ReporterContact contact(String email) {
    return new ReporterContact(email, "Wei", "Li", "13800000000", null, null);
  }
}
