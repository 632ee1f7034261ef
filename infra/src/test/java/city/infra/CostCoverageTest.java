package city.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.TableSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cost estimator ({@code ./city cost}) prices what this stack deploys: every resource type of the
 * synthesized template is priced in {@code infra/cost/prices.json} (or said to be free, with why), every item
 * named there has a price in every region, and the deployed shape the estimator assumes (alarms, budgets, log
 * retention, access logs, PITR tables, on-demand tables, Lambda architecture) is the template's.
 */
class CostCoverageTest {
  static final String FREE = "free: ";
  private static SynthesizedCity city;
  private static JsonNode prices;

  @BeforeAll
  static void load() throws Exception {
    city = SynthesizedCity.get();
    prices = SynthesizedCity.JSON.readTree(SynthesizedCity.INFRA.resolve("cost").resolve("prices.json").toFile());
  }

  @Test
  void everyResourceTypeOfTheTemplateIsPricedOrSaidToBeFree() {
    Set<String> deployed = new TreeSet<>();
    city.resources().elements().forEachRemaining(r -> deployed.add(r.path("Type").asText()));
    List<String> unpriced = deployed.stream().filter(type -> !prices.path("pricedResourceTypes").has(type)).toList();
    assertTrue(unpriced.isEmpty(), "the estimator does not price " + unpriced
        + ": add each to pricedResourceTypes in infra/cost/prices.json (its items, or free: why) and price its items");
  }

  @Test
  void everyPricedItemHasAPriceInEveryRegion() {
    List<String> missing = new ArrayList<>();
    prices.path("pricedResourceTypes").fields().forEachRemaining(entry -> {
      String pricing = entry.getValue().asText();
      if (pricing.startsWith(FREE)) {
        assertFalse(pricing.substring(FREE.length()).isBlank(), entry.getKey() + " is free: say why");
        return;
      }
      for (String item : pricing.split(" ")) {
        prices.path("regions").fields().forEachRemaining(region -> {
          JsonNode price = region.getValue().path("prices").path(item);
          if (!price.path("unitPrice").isNumber() || price.path("source").asText().isBlank()) {
            missing.add(region.getKey() + " " + item + " (for " + entry.getKey() + ")");
          }
        });
      }
    });
    assertTrue(missing.isEmpty(), "no price with its source: " + missing);
  }

  @Test
  void everyChinaPriceSaysWhetherItIsConfirmed() {
    for (String region : List.of("cn-north-1", "cn-northwest-1")) {
      JsonNode table = prices.path("regions").path(region);
      assertEquals("CNY", table.path("currency").asText(), region);
      table.path("prices").fields().forEachRemaining(price -> assertTrue(
          Set.of("confirmed", "unconfirmed").contains(price.getValue().path("status").asText()), region + " " + price.getKey()));
    }
  }

  @Test
  void theDeployedShapeIsTheOneTheEstimatorPrices() {
    JsonNode deployment = prices.path("deployment");
    assertEquals(deployment.path("cloudwatchAlarms").asInt(), city.resourcesOfType("AWS::CloudWatch::Alarm").size(), "alarms");
    assertEquals(deployment.path("budgets").asInt(), city.resourcesOfType("AWS::Budgets::Budget").size(), "budgets");
    for (Map.Entry<String, JsonNode> group : city.resourcesOfType("AWS::Logs::LogGroup").entrySet()) {
      assertEquals(deployment.path("logRetentionDays").asInt(), group.getValue().path("Properties").path("RetentionInDays").asInt(),
          group.getKey() + " retention");
    }
    boolean accessLogs = city.resourcesOfType("AWS::ApiGatewayV2::Stage").values().stream()
        .anyMatch(stage -> stage.path("Properties").has("AccessLogSettings"));
    assertEquals(deployment.path("httpAccessLogs").asBoolean(), accessLogs, "HTTP API access logs");
  }

  @Test
  void tablesAreOnDemandAndTheirRecoveryIsTheCatalogs() {
    Set<String> withRecovery = new TreeSet<>();
    for (Map.Entry<String, JsonNode> table : city.resourcesOfType("AWS::DynamoDB::Table").entrySet()) {
      JsonNode properties = table.getValue().path("Properties");
      assertEquals("PAY_PER_REQUEST", properties.path("BillingMode").asText(), table.getKey() + ": priced on demand only");
      if (properties.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean()) {
        withRecovery.add(table.getKey().replaceFirst("Table.*$", ""));
      }
    }
    Set<String> declared = new TreeSet<>(Catalog.standard().tables().stream().filter(TableSpec::pointInTimeRecovery).map(TableSpec::id).toList());
    assertEquals(declared, withRecovery, "the estimator prices PITR on the catalog's tables with point-in-time recovery");
  }

  @Test
  void lambdaIsPricedOnTheArchitectureItIsDeployedOn() {
    String priced = prices.path("regions").path("us-east-1").path("lambdaArchitecture").asText();
    for (Map.Entry<String, JsonNode> function : city.resourcesOfType("AWS::Lambda::Function").entrySet()) {
      assertEquals(priced, function.getValue().path("Properties").path("Architectures").path(0).asText(), function.getKey());
    }
    // the stack's default per region (-c architecture) is the architecture the estimator prices there
    prices.path("regions").fields().forEachRemaining(region -> assertEquals(
        LambdaRegion.of(java.util.Optional.of(region.getKey())).architecture(),
        region.getValue().path("lambdaArchitecture").asText(), region.getKey()));
  }
}
