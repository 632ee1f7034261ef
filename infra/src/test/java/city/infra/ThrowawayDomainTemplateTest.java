package city.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.airquality.AirQualityCity;
import city.airquality.AirQualityModule;
import city.catalog.Catalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * A throwaway domain (a device class of its own, a table, a function, a rule, an ops route) added to the
 * standard catalog, with its section in the city file: the synthesized template deploys all of it, with no
 * change to infra.
 */
class ThrowawayDomainTemplateTest {
  private static JsonNode resources;

  @BeforeAll
  static void synthesize() throws IOException {
    Path folder = Files.createTempDirectory("throwaway-domain");
    Map<String, Object> context = new HashMap<>(SynthesizedCity.context());
    context.put("city", AirQualityCity.write(Path.of(Settings.DEFAULT_CITY), folder).toString());
    context.put("provisionThings", "true");
    // this second synth also stands for a city that asks for an event archive (no third synth for it)
    context.put(CityEventBus.ARCHIVE_DAYS_CONTEXT, "7");
    App app = App.Builder.create().outdir(folder.resolve("cdk.out").toString()).context(context).build();
    CityStack stack = CityApp.build(app, Catalog.standard().plus(new AirQualityModule()));
    CloudFormationStackArtifact artifact = SynthesizedCity.synth(app).getStackByName(stack.getStackName());
    resources = SynthesizedCity.JSON.readTree(Path.of(artifact.getTemplateFullPath()).toFile()).path("Resources");
  }

  @Test
  void theNewTableAndFunctionAreDeployedWithTheFunctionsEnvironment() {
    assertEquals("AWS::DynamoDB::Table", resources.path(CityTables.logicalId(AirQualityModule.TABLE)).path("Type").asText());
    JsonNode function = resources.path(AirQualityModule.FUNCTION);
    assertEquals("city.airquality.ReadingRecorder", function.path("Properties").path("Handler").asText());
    assertEquals(CityTables.logicalId(AirQualityModule.TABLE), function.path("Properties").path("Environment")
        .path("Variables").path(AirQualityModule.TABLE_ENV).path("Ref").asText());
  }

  @Test
  void theNewRuleRunsTheDeclaredSql() {
    JsonNode rule = ofType("AWS::IoT::TopicRule").stream()
        .filter(r -> r.path("Properties").path("RuleName").asText().equals(AirQualityModule.RULE)).findFirst().orElseThrow();
    assertEquals(Catalog.standard().plus(new AirQualityModule()).rule(AirQualityModule.RULE).orElseThrow().sql(),
        rule.path("Properties").path("TopicRulePayload").path("Sql").asText());
  }

  @Test
  void theNewDeviceClassGetsItsPolicyThingTypeAndGroupAndItsDeviceAThing() {
    String suffix = "-" + AirQualityModule.AIR_SENSOR.wireName();
    assertTrue(ofType("AWS::IoT::Policy").stream().anyMatch(p -> p.path("Properties").path("PolicyName").asText().endsWith(suffix)));
    assertTrue(ofType("AWS::IoT::ThingType").stream().anyMatch(t -> t.path("Properties").path("ThingTypeName").asText().endsWith(suffix)));
    assertTrue(ofType("AWS::IoT::ThingGroup").stream().anyMatch(g -> g.path("Properties").path("ThingGroupName").asText().endsWith(suffix)));
    assertTrue(ofType("AWS::IoT::Thing").stream().anyMatch(t -> t.path("Properties").path("ThingName").asText().equals(AirQualityCity.SENSOR)));
  }

  @Test
  void theNewRouteIsOnTheHttpApi() {
    assertTrue(ofType("AWS::ApiGatewayV2::Route").stream()
        .anyMatch(r -> r.path("Properties").path("RouteKey").asText().equals("GET /ops/airquality/readings")));
  }

  @Test
  void eventArchiveDaysAddsAnArchiveOfTheCityBusKeepingThatManyDays() {
    List<JsonNode> archives = ofType("AWS::Events::Archive");
    assertEquals(1, archives.size());
    JsonNode archive = archives.get(0).path("Properties");
    assertEquals(7, archive.path("RetentionDays").asInt());
    List<String> buses = new ArrayList<>();
    resources.fields().forEachRemaining(e -> {
      if (e.getValue().path("Type").asText().equals("AWS::Events::EventBus")) {
        buses.add(e.getKey());
      }
    });
    assertEquals(1, buses.size());
    String bus = buses.get(0);
    assertEquals(List.of(bus), SynthesizedCity.references(archive.path("SourceArn")));
  }

  private static List<JsonNode> ofType(String type) {
    List<JsonNode> found = new ArrayList<>();
    resources.forEach(resource -> {
      if (resource.path("Type").asText().equals(type)) {
        found.add(resource);
      }
    });
    return found;
  }
}
