package city.infra;

import static city.infra.SynthesizedCity.joined;
import static city.infra.SynthesizedCity.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What each domain issue asked the cloud to have, spelled out by name rather than derived from the catalog:
 * if a declaration disappears or changes shape, these fail even though the generic checks still agree.
 */
class DomainResourcesTest {
  private static SynthesizedCity city;

  @BeforeAll
  static void synthesize() {
    city = SynthesizedCity.get();
  }

  @Test
  void everyDeviceTopicOfTheContractHasItsRule() {
    Map<String, String> sqlByRule = city.resourcesOfType("AWS::IoT::TopicRule").values().stream()
        .map(r -> r.path("Properties"))
        .collect(Collectors.toMap(p -> p.path("RuleName").asText(), p -> p.path("TopicRulePayload").path("Sql").asText()));
    Set<String> filters = new HashSet<>();
    sqlByRule.values().forEach(sql -> filters.add(sql.substring(sql.indexOf("FROM '") + 6, sql.lastIndexOf('\''))));
    assertEquals(Set.of(
        "parking/spaces/+/occupancy",
        "parking/cameras/+/plates",
        "safety/sensors/+/alerts",
        "units/+/status",
        "units/+/acks",
        "bikeshare/stations/+/status",
        "bikeshare/trucks/+/status"), filters);
    assertTrue(sqlByRule.get("parking_occupancy").contains("topic(3) AS deviceId"));
    assertTrue(sqlByRule.values().stream().filter(sql -> sql.contains("'units/+/")).allMatch(sql -> sql.contains("topic(2) AS deviceId")),
        "the unit's thing name is the second level of units/{unitId}/...");
  }

  @Test
  void commandsGoOnlyWhereTheContractSends() {
    assertEquals(Set.of("units/*/dispatch"), publishTopics("DispatchAlerts"));
    assertEquals(Set.of("units/*/dispatch", "ops/supervision/*"), publishTopics("DispatchSweep"),
        "orders, and the supervision records of acknowledgement timeouts");
    assertEquals(Set.of("bikeshare/trucks/*/tasks"), publishTopics("BikesharePlanner"));
    assertEquals(Set.of("parking/enforcement/*"), publishTopics("ParkingSettlement"));
    assertEquals(Set.of(), publishTopics("ParkingOccupancy"));
    assertEquals(Set.of(), publishTopics("BikeshareGbfs"));
  }

  @Test
  void timersRunAtTheRatesTheDomainsNeed() {
    Map<String, String> rates = city.resourcesOfType("AWS::Scheduler::Schedule").values().stream()
        .map(s -> s.path("Properties"))
        .collect(Collectors.toMap(p -> p.path("Target").path("Arn").toString(), p -> p.path("ScheduleExpression").asText()));
    assertTrue(rates.entrySet().stream().anyMatch(e -> e.getKey().contains("DispatchSweep") && e.getValue().equals("rate(1 minute)")), rates.toString());
    assertTrue(rates.entrySet().stream().anyMatch(e -> e.getKey().contains("ParkingSettlement") && e.getValue().equals("rate(5 minutes)")), rates.toString());
    assertTrue(rates.entrySet().stream().anyMatch(e -> e.getKey().contains("BikesharePlanner") && e.getValue().equals("rate(20 minutes)")), rates.toString());
  }

  @Test
  void moneyIsProtectedAndHistoryAgesOut() {
    JsonNode parking = table("Parking");
    assertEquals(true, parking.path("DeletionProtectionEnabled").asBoolean());
    assertEquals(true, parking.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean());
    assertEquals("expiresAt", table("Bikeshare").path("TimeToLiveSpecification").path("AttributeName").asText());
    assertEquals("expiresAt", table("Platform").path("TimeToLiveSpecification").path("AttributeName").asText());
  }

  @Test
  void citizensNeedATokenForTheirSessionsButNotForOpenData() {
    Map<String, String> authorization = city.resourcesOfType("AWS::ApiGatewayV2::Route").values().stream()
        .map(r -> r.path("Properties"))
        .collect(Collectors.toMap(p -> p.path("RouteKey").asText(), p -> p.path("AuthorizationType").asText()));
    assertEquals("JWT", authorization.get("GET /parking/sessions"));
    assertEquals("JWT", authorization.get("POST /parking/sessions/{sessionId}/payments"));
    assertEquals("JWT", authorization.get("GET /ops/incidents/{incidentId}"));
    assertEquals("JWT", authorization.get("POST /ops/bikeshare/plans"));
    assertEquals("NONE", authorization.get("GET /gbfs/gbfs.json"));
    assertEquals("NONE", authorization.get("GET /gbfs/station_status.json"));
    assertEquals("NONE", authorization.get("POST /open311/v2/requests.json"));
    assertEquals("JWT", authorization.get("POST /open311/v2/citizen/requests.json"), "a signed-in report, dispatched at once");
    assertEquals("JWT", authorization.get("POST /ops/incidents/{incidentId}/confirm"));
    assertEquals("NONE", authorization.get("GET /parking/zones/{zone}/availability"));
  }

  private static JsonNode table(String id) {
    return city.resource(CityTables.logicalId(id)).path("Properties");
  }

  private static Set<String> publishTopics(String functionId) {
    String role = city.resource(functionId).path("Properties").path("Role").path("Fn::GetAtt").get(0).asText();
    Set<String> topics = new HashSet<>();
    for (JsonNode policy : city.resourcesOfType("AWS::IAM::Policy").values()) {
      if (!SynthesizedCity.references(policy.path("Properties").path("Roles")).contains(role)) {
        continue;
      }
      for (JsonNode statement : list(policy.path("Properties").path("PolicyDocument").path("Statement"))) {
        if (list(statement.path("Action")).stream().anyMatch(a -> a.asText().equals("iot:Publish"))) {
          list(statement.path("Resource")).forEach(r -> {
            String arn = joined(r);
            topics.add(arn.substring(arn.indexOf(":topic/") + ":topic/".length()));
          });
        }
      }
    }
    return topics;
  }
}
