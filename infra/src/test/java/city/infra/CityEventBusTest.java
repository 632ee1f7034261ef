package city.infra;

import static city.infra.SynthesizedCity.list;
import static city.infra.SynthesizedCity.references;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.EventRule;
import city.catalog.FunctionSpec;
import city.platform.EventBridgePublisher;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The city bus as synthesized: one custom bus, every catalog event rule on it with exactly the catalog's pattern
 * (the twin matches that very text: EventRulesMatchTest in local), targets invoked through the alias, and
 * {@code events:PutEvents} on this bus for the catalog's publishers and nobody else. No archive unless asked.
 */
class CityEventBusTest {
  private static SynthesizedCity city;
  private static String bus;

  @BeforeAll
  static void synthesize() {
    city = SynthesizedCity.get();
    Map<String, JsonNode> buses = city.resourcesOfType("AWS::Events::EventBus");
    assertEquals(1, buses.size(), "one bus per city");
    bus = buses.keySet().iterator().next();
  }

  @Test
  void everyCatalogRuleIsOnTheBusWithTheCatalogsPatternVerbatim() {
    Map<String, JsonNode> rules = city.resourcesOfType("AWS::Events::Rule");
    assertEquals(Catalog.standard().eventRules().size(), rules.size(), "exactly the catalog's rules");
    assertFalse(rules.isEmpty());
    for (EventRule rule : Catalog.standard().eventRules()) {
      JsonNode properties = rules.values().stream().map(r -> r.path("Properties"))
          .filter(p -> p.path("Name").asText().equals(rule.name())).findFirst()
          .orElseThrow(() -> new AssertionError("no AWS::Events::Rule " + rule.name()));
      assertEquals(rule.patternTree(), properties.path("EventPattern"), rule.name() + ": the catalog's pattern");
      assertEquals("ENABLED", properties.path("State").asText());
      assertEquals(List.of(bus), references(properties.path("EventBusName")), rule.name() + " is on the city bus");
      List<JsonNode> targets = list(properties.path("Targets"));
      assertEquals(1, targets.size());
      String alias = CityStackTest.aliasOf(city, rule.functionId());
      assertEquals(List.of(alias), references(targets.get(0).path("Arn")), rule.name() + " invokes the live alias");
      String ruleId = city.resourcesOfType("AWS::Events::Rule").entrySet().stream()
          .filter(e -> e.getValue().path("Properties").path("Name").asText().equals(rule.name()))
          .map(Map.Entry::getKey).findFirst().orElseThrow();
      assertTrue(city.resourcesOfType("AWS::Lambda::Permission").values().stream().map(p -> p.path("Properties"))
          .anyMatch(p -> p.path("Principal").asText().equals("events.amazonaws.com")
              && references(p.path("FunctionName")).equals(List.of(alias))
              && references(p.path("SourceArn")).equals(List.of(ruleId))),
          rule.name() + ": EventBridge may invoke the alias for this rule only");
    }
  }

  @Test
  void onlyTheCatalogsPublishersMayPutEventsAndOnlyOnTheCityBus() {
    List<String> publishers = Catalog.standard().eventPublishers();
    assertFalse(publishers.isEmpty());
    for (FunctionSpec spec : Catalog.standard().functions()) {
      JsonNode function = city.resource(spec.id()).path("Properties");
      String role = function.path("Role").path("Fn::GetAtt").get(0).asText();
      List<JsonNode> putEvents = new ArrayList<>();
      for (JsonNode policy : city.resourcesOfType("AWS::IAM::Policy").values()) {
        if (references(policy.path("Properties").path("Roles")).contains(role)) {
          for (JsonNode statement : list(policy.path("Properties").path("PolicyDocument").path("Statement"))) {
            if (list(statement.path("Action")).stream().anyMatch(a -> a.asText().startsWith("events:"))) {
              putEvents.add(statement);
            }
          }
        }
      }
      JsonNode busVariable = function.path("Environment").path("Variables").path(EventBridgePublisher.EVENT_BUS);
      if (publishers.contains(spec.id())) {
        assertEquals(1, putEvents.size(), spec.id() + " publishes: one PutEvents statement");
        assertEquals(List.of("events:PutEvents"), list(putEvents.get(0).path("Action")).stream().map(JsonNode::asText).toList());
        assertEquals(List.of(bus), references(putEvents.get(0).path("Resource")), spec.id() + ": on the city bus only");
        assertEquals(List.of(bus), references(busVariable), spec.id() + " is told the bus");
      } else {
        assertTrue(putEvents.isEmpty(), spec.id() + " does not publish and may not put events");
        assertTrue(busVariable.isMissingNode(), spec.id() + " is not told the bus");
      }
    }
  }

  @Test
  void noArchiveBillsUnlessTheCityAsksForOne() {
    assertTrue(city.resourcesOfType("AWS::Events::Archive").isEmpty(), "-c eventArchiveDays is off by default");
  }
}
