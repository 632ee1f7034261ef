package city.infra;

import city.catalog.DeviceTopics;
import city.catalog.RuleTopic;
import static city.infra.SynthesizedCity.joined;
import static city.infra.SynthesizedCity.list;
import static city.infra.SynthesizedCity.references;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import city.catalog.TableAccess;
import city.catalog.TopicRule;
import city.catalog.DeviceClass;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each function's role may touch only its own log group, its own tables (read, write or both, as the catalog
 * declares), its own topics, (for device and bus functions) the failed-events alias and (for event publishers)
 * the city bus; devices may act only as themselves. The only `*` left in function
 * policies: {@code <table>/index/*} of an own table and the device-id level of a declared publish topic.
 */
class LeastPrivilegeTest {
  private static final Set<String> READ_ACTIONS =
      Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan");
  private static final Set<String> WRITE_ACTIONS =
      Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
  private static SynthesizedCity city;

  @BeforeAll
  static void synthesize() {
    city = SynthesizedCity.get();
  }

  @Test
  void eachFunctionRoleReachesOnlyItsLogGroupTablesAndFailureDestination() {
    Set<String> deviceTriggered = Catalog.standard().rules().stream().map(TopicRule::functionId).collect(Collectors.toSet());
    Catalog.standard().eventRules().forEach(rule -> deviceTriggered.add(rule.functionId()));
    String bus = city.resourcesOfType("AWS::Events::EventBus").keySet().iterator().next();
    for (FunctionSpec spec : Catalog.standard().functions()) {
      JsonNode function = city.resource(spec.id()).path("Properties");
      String role = function.path("Role").path("Fn::GetAtt").get(0).asText();
      String logGroup = function.path("LoggingConfig").path("LogGroup").path("Ref").asText();
      List<JsonNode> statements = statementsOf(role);

      Set<String> allowed = new HashSet<>();
      allowed.add(logGroup);
      spec.tables().forEach(t -> allowed.add(CityTables.logicalId(t)));
      if (deviceTriggered.contains(spec.id()) && !spec.id().equals(CityFunctions.FAILED_EVENTS)) {
        allowed.add(CityStackTest.aliasOf(city, CityFunctions.FAILED_EVENTS));
      }
      if (Catalog.standard().eventPublishers().contains(spec.id())) {
        allowed.add(bus);
      }
      Set<String> referenced = new HashSet<>();
      for (JsonNode statement : statements) {
        assertEquals("Allow", statement.path("Effect").asText());
        for (JsonNode action : list(statement.path("Action"))) {
          assertFalse(action.asText().contains("*"), spec.id() + " has a wildcard action " + action);
        }
        for (JsonNode resource : list(statement.path("Resource"))) {
          assertFalse(resource.isTextual() && resource.asText().equals("*"), spec.id() + " has Resource *");
          referenced.addAll(references(resource));
        }
      }
      assertTrue(allowed.containsAll(referenced), spec.id() + " reaches beyond its own resources: " + referenced);
      Set<String> tablesReached = referenced.stream().filter(id -> id.endsWith("Table")).collect(Collectors.toSet());
      assertEquals(spec.tables().stream().map(CityTables::logicalId).collect(Collectors.toSet()), tablesReached,
          spec.id() + " reaches exactly its declared tables");
      assertTrue(city.resource(role).path("Properties").path("ManagedPolicyArns").isMissingNode(),
          spec.id() + ": no managed policy (AWSLambdaBasicExecutionRole would grant every log group)");
    }
  }

  @Test
  void eachFunctionMayReadOnlyTheTablesItReadsAndWriteOnlyTheTablesItWrites() {
    for (FunctionSpec spec : Catalog.standard().functions()) {
      Map<String, Set<String>> actions = dynamoDbActionsByTable(spec.id());
      for (String tableId : spec.tables()) {
        TableAccess access = spec.access(tableId);
        Set<String> granted = actions.getOrDefault(CityTables.logicalId(tableId), Set.of());
        String what = spec.id() + " on " + tableId + " (" + access + "): " + granted;
        assertEquals(access.reads(), granted.containsAll(READ_ACTIONS), what);
        assertEquals(access.reads(), granted.stream().anyMatch(READ_ACTIONS::contains), what);
        assertEquals(access.writes(), granted.containsAll(WRITE_ACTIONS), what);
        assertEquals(access.writes(), granted.stream().anyMatch(WRITE_ACTIONS::contains), what);
      }
    }
  }

  @Test
  void thePublicFeedsAndTheOpsViewsHoldNoWritePermissionOnAnyTable() {
    for (String functionId : List.of("ParkingApi", "ParkingOpsApi", "BikeshareGbfs", "OpsApi", "DispatchOpsApi")) {
      Map<String, Set<String>> actions = dynamoDbActionsByTable(functionId);
      assertFalse(actions.isEmpty(), functionId + " reads its table");
      actions.forEach((table, granted) -> assertTrue(granted.stream().noneMatch(WRITE_ACTIONS::contains),
          functionId + " may write " + table + ": " + granted));
    }
  }

  @Test
  void reportersContactsAreReachedOnlyByOpen311() {
    String contacts = CityTables.logicalId("DispatchContacts");
    for (FunctionSpec spec : Catalog.standard().functions()) {
      Set<String> granted = dynamoDbActionsByTable(spec.id()).getOrDefault(contacts, Set.of());
      if (spec.id().equals("DispatchOpen311")) {
        assertTrue(granted.contains("dynamodb:PutItem"), "Open311 keeps the reporter's contact: " + granted);
        // the call-taker's follow-up (GET /ops/workorders/{id}/contacts), each read recorded in the work order first
        assertTrue(granted.contains("dynamodb:GetItem"), "Open311 reads a contact for the follow-up: " + granted);
      } else {
        assertEquals(Set.of(), granted, spec.id() + " reaches reporters' contacts");
      }
    }
    assertTrue(dynamoDbActionsByTable("DispatchOpsApi").containsKey(CityTables.logicalId("Dispatch")),
        "the ops desk still reads the incidents, which hold no contact");
  }

  /** The demo ran the real handlers against dynalite and counted their request units (infra/cost/profile.json). */
  @Test
  void aFunctionDeclaredReadOnlyWroteNothingWhenTheDemoMeasuredIt() throws Exception {
    JsonNode profile = SynthesizedCity.JSON.readTree(SynthesizedCity.INFRA.resolve("cost").resolve("profile.json").toFile());
    Set<String> checked = new HashSet<>();
    for (JsonNode measured : profile.path("functions")) {
      if (!measured.path("source").asText().equals("measured") || measured.path("invocationsMeasured").asInt() == 0) {
        continue;
      }
      FunctionSpec spec = Catalog.standard().function(measured.path("functionId").asText());
      boolean declaresAWrite = spec.tableAccess().values().stream().anyMatch(TableAccess::writes);
      double writes = measured.path("writeRequestUnitsPerInvocation").asDouble();
      assertEquals(declaresAWrite, writes > 0, spec.id() + " declares " + spec.tableAccess() + " and wrote " + writes
          + " write units per invocation in the demo");
      checked.add(spec.id());
    }
    assertTrue(checked.containsAll(List.of("ParkingApi", "ParkingOpsApi", "OpsApi", "DispatchOpsApi")),
        "the read-only APIs were measured: " + checked);
  }

  @Test
  void theOnlyWildcardsInFunctionPoliciesAreOwnIndexesAndDeviceLevelsOfDeclaredTopics() {
    for (FunctionSpec spec : Catalog.standard().functions()) {
      String role = city.resource(spec.id()).path("Properties").path("Role").path("Fn::GetAtt").get(0).asText();
      Set<String> expectedTopics = spec.publishTopics().stream()
          .map(t -> "arn:<AWS::Partition>:iot:<AWS::Region>:<AWS::AccountId>:topic/" + DeviceTopics.policyPattern(t))
          .collect(Collectors.toSet());
      Set<String> publishResources = new HashSet<>();
      for (JsonNode statement : statementsOf(role)) {
        boolean publish = list(statement.path("Action")).stream().anyMatch(a -> a.asText().equals("iot:Publish"));
        for (JsonNode resource : list(statement.path("Resource"))) {
          String text = joined(resource);
          if (publish) {
            publishResources.add(text);
          } else if (text.contains("*")) {
            assertTrue(text.matches("<\\w+Table\\.Arn>/index/\\*"), spec.id() + ": unexplained wildcard " + text);
          }
        }
      }
      assertEquals(expectedTopics, publishResources, spec.id() + " publishes exactly to its declared topics");
    }
  }

  @Test
  void devicePoliciesLetADeviceActOnlyAsItself() {
    Map<String, JsonNode> policies = city.resourcesOfType("AWS::IoT::Policy");
    assertEquals(Catalog.standard().deviceClasses().size(), policies.size(), "one policy per device class");
    for (JsonNode policy : policies.values()) {
      String name = policy.path("Properties").path("PolicyName").asText();
      List<JsonNode> statements = list(policy.path("Properties").path("PolicyDocument").path("Statement"));
      for (JsonNode statement : statements) {
        assertEquals("Allow", statement.path("Effect").asText());
        for (JsonNode resource : list(statement.path("Resource"))) {
          String arn = joined(resource);
          assertTrue(arn.contains(DeviceTopics.THING), name + ": every resource is scoped to the thing name: " + arn);
          assertFalse(arn.replace(DeviceTopics.THING, "").contains("*"), name + ": no wildcard besides the thing: " + arn);
        }
      }
      JsonNode connect = statements.stream()
          .filter(s -> list(s.path("Action")).stream().anyMatch(a -> a.asText().equals("iot:Connect")))
          .findFirst().orElseThrow();
      assertEquals("arn:<AWS::Partition>:iot:<AWS::Region>:<AWS::AccountId>:client/" + DeviceTopics.THING,
          joined(connect.path("Resource")), name + ": client id = thing name");
      assertEquals("true", connect.path("Condition").path("Bool").path("iot:Connection.Thing.IsAttached").asText());
    }
  }

  @Test
  void aParkingSensorPublishesOnlyItsOwnOccupancyTopicPlainAndBasicIngestAndSubscribesToNothing() {
    JsonNode policy = policyFor(new DeviceClass("parking-sensor"));
    String prefix = "arn:<AWS::Partition>:iot:<AWS::Region>:<AWS::AccountId>:topic/";
    assertEquals(Set.of(
            prefix + "parking/spaces/" + DeviceTopics.THING + "/occupancy",
            prefix + "$aws/rules/parking_occupancy/parking/spaces/" + DeviceTopics.THING + "/occupancy"),
        resourcesFor(policy, "iot:Publish"));
    assertTrue(resourcesFor(policy, "iot:Subscribe").isEmpty());
    assertTrue(resourcesFor(policy, "iot:Receive").isEmpty());
  }

  @Test
  void everyDeviceClassPublishesToEachOfItsRulesAndNothingElse() {
    for (DeviceClass type : Catalog.standard().deviceClasses()) {
      List<TopicRule> own = Catalog.standard().rules().stream().filter(r -> r.deviceType().equals(type.wireName())).toList();
      Set<String> publish = resourcesFor(policyFor(type), "iot:Publish");
      assertEquals(own.size() * 2, publish.size(), type + ": plain and Basic Ingest topic per rule: " + publish);
      for (TopicRule rule : own) {
        assertTrue(publish.stream().anyMatch(arn -> arn.endsWith(":topic/$aws/rules/" + rule.name() + "/"
            + RuleTopic.of(rule).topicFor(DeviceTopics.THING))), type + " may use Basic Ingest of " + rule.name());
      }
    }
  }

  private static JsonNode policyFor(DeviceClass type) {
    return city.resourcesOfType("AWS::IoT::Policy").values().stream()
        .filter(p -> p.path("Properties").path("PolicyName").asText().endsWith("-" + type.wireName()))
        .findFirst().orElseThrow(() -> new AssertionError("no policy for " + type));
  }

  private static Set<String> resourcesFor(JsonNode policy, String action) {
    Set<String> arns = new HashSet<>();
    for (JsonNode statement : list(policy.path("Properties").path("PolicyDocument").path("Statement"))) {
      if (list(statement.path("Action")).stream().anyMatch(a -> a.asText().equals(action))) {
        list(statement.path("Resource")).forEach(r -> arns.add(joined(r)));
      }
    }
    return arns;
  }

  /** Logical id of each table the function's role reaches, with the DynamoDB actions allowed on it. */
  private static Map<String, Set<String>> dynamoDbActionsByTable(String functionId) {
    String role = city.resource(functionId).path("Properties").path("Role").path("Fn::GetAtt").get(0).asText();
    Map<String, Set<String>> byTable = new TreeMap<>();
    for (JsonNode statement : statementsOf(role)) {
      List<String> actions = list(statement.path("Action")).stream().map(JsonNode::asText)
          .filter(a -> a.startsWith("dynamodb:")).toList();
      for (JsonNode resource : list(statement.path("Resource"))) {
        references(resource).stream().filter(id -> id.endsWith("Table"))
            .forEach(table -> byTable.computeIfAbsent(table, t -> new TreeSet<>()).addAll(actions));
      }
    }
    return byTable;
  }

  private static List<JsonNode> statementsOf(String role) {
    List<JsonNode> statements = new ArrayList<>();
    for (JsonNode policy : city.resourcesOfType("AWS::IAM::Policy").values()) {
      if (references(policy.path("Properties").path("Roles")).contains(role)) {
        statements.addAll(list(policy.path("Properties").path("PolicyDocument").path("Statement")));
      }
    }
    for (JsonNode inline : list(city.resource(role).path("Properties").path("Policies"))) {
      statements.addAll(list(inline.path("PolicyDocument").path("Statement")));
    }
    return statements;
  }
}
