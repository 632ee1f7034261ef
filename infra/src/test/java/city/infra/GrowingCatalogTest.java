package city.infra;

import city.catalog.DeviceTopics;
import static city.infra.SynthesizedCity.joined;
import static city.infra.SynthesizedCity.list;
import static city.infra.SynthesizedCity.references;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Access;
import city.catalog.Catalog;
import city.catalog.CityModule;
import city.catalog.DeviceClass;
import city.catalog.Device;
import city.catalog.Domain;
import city.catalog.FunctionSpec;
import city.catalog.HttpRoute;
import city.catalog.Schedule;
import city.catalog.TableSpec;
import city.catalog.TopicRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * The catalog grows as the domains land. This builds the platform domain plus a fixture domain (a function
 * that publishes commands to devices, a schedule, a citizen route, a table without indexes) and
 * checks that the app derives its permissions and triggers generically, and cdk-nag still passes. It also
 * sets the deployment context a real city passes (alert e-mail, IoT endpoint, issuer, things).
 */
class GrowingCatalogTest {
  private static final String THING = DeviceTopics.THING;
  private static final String TOPIC_ARN = "arn:<AWS::Partition>:iot:<AWS::Region>:<AWS::AccountId>:topic/";

  private static final DeviceClass FLEET_UNIT = new DeviceClass("unit");
  private static final int FLEET_UNITS = 3;
  private static JsonNode template;
  private static CloudFormationStackArtifact artifact;

  @BeforeAll
  static void synthesize() throws IOException {
    Domain fleetDeclarations = new Domain("fleet",
        List.of(new TableSpec("Fleet", "FLEET_TABLE", "pk", "sk", List.of(), Optional.empty(), false, false,
            "fixture table")),
        List.of(new FunctionSpec("FleetStatus", "city.fleet.StatusHandler", 512, 10, 3, List.of("Fleet"),
            List.of("units/+/dispatch"), "fixture: device-triggered and publishes commands")),
        List.of(new TopicRule("fleet_status", "SELECT encode(*, 'base64') AS payload, topic() AS topic, "
            + "topic(2) AS deviceId, timestamp() AS receivedAt FROM 'units/+/status'", "FleetStatus", "unit",
            "fixture rule")),
        List.of(new HttpRoute("POST", "/fleet/reports", "FleetStatus", Access.CITIZEN)),
        List.of(new Schedule("fleet_sweep", "FleetStatus", Duration.ofMinutes(15), "FLEET_SWEEP")));
    CityModule fleet = new CityModule() {
      @Override
      public Domain declarations() {
        return fleetDeclarations;
      }

      @Override
      public List<DeviceClass> deviceClasses() {
        return List.of(FLEET_UNIT);
      }

      @Override
      public List<Device> devices(JsonNode section) {
        return Device.listed(section.path("units"), "unitId", FLEET_UNIT);
      }
    };
    // the platform's own module (dead letters, failed events) plus the fixture: the real domains would
    // blur what is checked here, and they are checked on the real stack by the other tests
    List<CityModule> modules = new ArrayList<>(Catalog.standard().modules().stream().filter(m -> m.name().equals("ops")).toList());
    modules.add(fleet);
    Map<String, Object> context = new java.util.HashMap<>(SynthesizedCity.context());
    context.put("city", fleetCity().toString());
    context.put("alertEmail", "ops@example.org");
    context.put("iotDataEndpoint", "abc123-ats.iot.cn-north-1.amazonaws.com.cn");
    context.put("jwtIssuer", "https://login.example.org");
    context.put("corsOrigins", "https://app.example.org, https://ops.example.org");
    context.put("provisionThings", "true");
    App app = App.Builder.create()
        .outdir(Files.createTempDirectory("growing-catalog").toString())
        .context(context)
        .build();
    CityStack stack = CityApp.build(app, Catalog.of(modules));
    artifact = SynthesizedCity.synth(app).getStackByName(stack.getStackName());
    template = SynthesizedCity.JSON.readTree(Path.of(artifact.getTemplateFullPath()).toFile());
  }

  @Test
  void aPublishingFunctionMayPublishOnlyItsDeclaredTopicWithTheDeviceLevelAsTheOnlyWildcard() {
    String role = resource("FleetStatus").path("Properties").path("Role").path("Fn::GetAtt").get(0).asText();
    Set<String> publish = new HashSet<>();
    for (JsonNode policy : ofType("AWS::IAM::Policy").values()) {
      if (!references(policy.path("Properties").path("Roles")).contains(role)) {
        continue;
      }
      for (JsonNode statement : list(policy.path("Properties").path("PolicyDocument").path("Statement"))) {
        if (list(statement.path("Action")).stream().anyMatch(a -> a.asText().equals("iot:Publish"))) {
          list(statement.path("Resource")).forEach(r -> publish.add(joined(r)));
        }
      }
    }
    assertEquals(Set.of(TOPIC_ARN + "units/*/dispatch"), publish);
    assertEquals("FleetTable", resource("FleetStatus").path("Properties").path("Environment")
        .path("Variables").path("FLEET_TABLE").path("Ref").asText());
  }

  @Test
  void unitsMaySubscribeToTheirOwnDispatchTopicOnceAFunctionPublishesThere() {
    JsonNode unit = ofType("AWS::IoT::Policy").values().stream()
        .filter(p -> p.path("Properties").path("PolicyName").asText().endsWith("-unit")).findFirst().orElseThrow();
    Map<String, Set<String>> byAction = new java.util.HashMap<>();
    for (JsonNode statement : list(unit.path("Properties").path("PolicyDocument").path("Statement"))) {
      for (JsonNode action : list(statement.path("Action"))) {
        list(statement.path("Resource")).forEach(r ->
            byAction.computeIfAbsent(action.asText(), a -> new HashSet<>()).add(joined(r)));
      }
    }
    String prefix = "arn:<AWS::Partition>:iot:<AWS::Region>:<AWS::AccountId>:";
    assertEquals(Set.of(prefix + "topicfilter/units/" + THING + "/dispatch"), byAction.get("iot:Subscribe"));
    assertEquals(Set.of(prefix + "topic/units/" + THING + "/dispatch"), byAction.get("iot:Receive"));
    assertEquals(Set.of(prefix + "topic/units/" + THING + "/status",
        prefix + "topic/$aws/rules/fleet_status/units/" + THING + "/status"), byAction.get("iot:Publish"));
  }

  @Test
  void theScheduleInvokesTheAliasOnTheCatalogsRateWithARoleLimitedToThatAlias() {
    // the platform's module brings its own schedule (the devices' health check): this one is the fixture's
    String alias = aliasOf("FleetStatus");
    List<JsonNode> fleetSchedules = ofType("AWS::Scheduler::Schedule").values().stream()
        .map(s -> s.path("Properties"))
        .filter(p -> references(p.path("Target").path("Arn")).equals(List.of(alias)))
        .toList();
    assertEquals(1, fleetSchedules.size());
    JsonNode schedule = fleetSchedules.get(0);
    assertEquals("rate(15 minutes)", schedule.path("ScheduleExpression").asText());
    assertEquals("OFF", schedule.path("FlexibleTimeWindow").path("Mode").asText());

    String role = schedule.path("Target").path("RoleArn").path("Fn::GetAtt").get(0).asText();
    int statements = 0;
    for (JsonNode policy : ofType("AWS::IAM::Policy").values()) {
      if (references(policy.path("Properties").path("Roles")).contains(role)) {
        for (JsonNode statement : list(policy.path("Properties").path("PolicyDocument").path("Statement"))) {
          statements++;
          assertEquals("[\"lambda:InvokeFunction\"]", list(statement.path("Action")).toString());
          list(statement.path("Resource")).forEach(r -> assertEquals(List.of(alias), references(r)));
        }
      }
    }
    assertEquals(1, statements, "the scheduler role has exactly one grant");
  }

  @Test
  void theCitizenRouteUsesTheJwtAuthorizer() {
    JsonNode route = ofType("AWS::ApiGatewayV2::Route").values().stream().map(r -> r.path("Properties"))
        .filter(p -> p.path("RouteKey").asText().equals("POST /fleet/reports")).findFirst().orElseThrow();
    assertEquals("JWT", route.path("AuthorizationType").asText());
  }

  @Test
  void cdkNagStillPassesWithEveryNewWildcardExplained() throws IOException {
    assertEquals(List.of(), artifact.getMessages().stream()
        .filter(m -> m.getLevel() == SynthesisMessageLevel.ERROR)
        .map(m -> m.getId() + ": " + m.getEntry().getData()).toList());
    List<String> rows = Files.readAllLines(Path.of(artifact.getAssembly().getDirectory())
        .resolve("AwsSolutions-" + artifact.getStackName() + "-NagReport.csv"));
    assertTrue(rows.stream().anyMatch(r -> r.contains("FleetStatus/Role/DefaultPolicy") && r.contains("\"Suppressed\"")
        && r.contains("units/*/dispatch")), "the publish wildcard carries its reason");
  }

  @Test
  void theDeploymentContextReachesTheTemplate() {
    assertEquals("https://abc123-ats.iot.cn-north-1.amazonaws.com.cn", resource("FleetStatus").path("Properties")
        .path("Environment").path("Variables").path("IOT_DATA_ENDPOINT").asText());
    JsonNode jwt = ofType("AWS::ApiGatewayV2::Authorizer").values().iterator().next().path("Properties");
    assertEquals("https://login.example.org", jwt.path("JwtConfiguration").path("Issuer").asText());
    JsonNode api = ofType("AWS::ApiGatewayV2::Api").values().iterator().next().path("Properties");
    assertEquals("[\"https://app.example.org\",\"https://ops.example.org\"]",
        api.path("CorsConfiguration").path("AllowOrigins").toString());
    assertEquals(FLEET_UNITS, ofType("AWS::IoT::Thing").size(), "one thing per device of the city file");
  }

  @Test
  void withAnAlertEmailEveryAlarmAndTheBudgetNotifyIt() {
    Map<String, JsonNode> topics = ofType("AWS::SNS::Topic");
    assertEquals(1, topics.size());
    String topic = topics.keySet().iterator().next();
    JsonNode subscription = ofType("AWS::SNS::Subscription").values().iterator().next().path("Properties");
    assertEquals("email", subscription.path("Protocol").asText());
    assertEquals("ops@example.org", subscription.path("Endpoint").asText());
    Map<String, JsonNode> alarms = ofType("AWS::CloudWatch::Alarm");
    assertEquals(3, alarms.size(), "errors, failed events, refused");
    alarms.forEach((id, alarm) -> assertEquals(List.of(topic),
        references(alarm.path("Properties").path("AlarmActions")), id + " notifies the alert topic"));
    JsonNode budget = ofType("AWS::Budgets::Budget").values().iterator().next().path("Properties");
    assertEquals(2, budget.path("NotificationsWithSubscribers").size());
  }

  /** The sample county with a fleet section whose units the fixture module provisions. */
  private static Path fleetCity() throws IOException {
    ObjectNode root = (ObjectNode) SynthesizedCity.JSON.readTree(Path.of(Settings.DEFAULT_CITY).toFile());
    ArrayNode units = root.putObject("fleet").putArray("units");
    for (int i = 1; i <= FLEET_UNITS; i++) {
      units.addObject().put("unitId", "FLEET-" + i);
    }
    Path file = Files.createTempFile("fleet-city", ".json");
    SynthesizedCity.JSON.writeValue(file.toFile(), root);
    return file;
  }

  private static String aliasOf(String functionId) {
    return ofType("AWS::Lambda::Alias").entrySet().stream()
        .filter(e -> e.getValue().path("Properties").path("FunctionName").path("Ref").asText().equals(functionId))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  private static JsonNode resource(String logicalId) {
    return template.path("Resources").path(logicalId);
  }

  private static Map<String, JsonNode> ofType(String type) {
    Map<String, JsonNode> found = new java.util.LinkedHashMap<>();
    template.path("Resources").fields().forEachRemaining(e -> {
      if (e.getValue().path("Type").asText().equals(type)) {
        found.put(e.getKey(), e.getValue());
      }
    });
    return found;
  }
}
