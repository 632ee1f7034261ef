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
import city.catalog.TopicRule;
import city.catalog.DeviceClass;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each function's role may touch only its own log group, its own tables, its own topics and (for device
 * functions) the failed-events alias; devices may act only as themselves. The only `*` left in function
 * policies: {@code <table>/index/*} of an own table and the device-id level of a declared publish topic.
 */
class LeastPrivilegeTest {
  private static SynthesizedCity city;

  @BeforeAll
  static void synthesize() {
    city = SynthesizedCity.get();
  }

  @Test
  void eachFunctionRoleReachesOnlyItsLogGroupTablesAndFailureDestination() {
    Set<String> deviceTriggered = Catalog.standard().rules().stream().map(TopicRule::functionId).collect(Collectors.toSet());
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
