package city.local.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import city.local.RepoRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped scenarios, profile and price book, through the command, in every region: the printed numbers add up. */
class ShippedEstimatesTest {
  static final Path ROOT = RepoRoot.find();
  static final List<String> SCENARIOS = List.of("sample-county", "wei-county", "beijing-parking", "bikeshare-500", "idle");
  static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static Stream<Arguments> scenariosAndRegions() {
    return SCENARIOS.stream().flatMap(s -> CostCommand.REGIONS.stream().map(r -> Arguments.of(s, r)));
  }

  @ParameterizedTest
  @MethodSource("scenariosAndRegions")
  void theJsonLinesAddUpToTheTotalsAsPrinted(String scenario, String region) throws Exception {
    JsonNode estimate = JSON.readTree(run("--scenario", scenario, "--region", region, "--json"));

    assertEquals(scenario, estimate.path("scenario").asText());
    assertEquals(region, estimate.path("region").asText());
    BigDecimal fixed = BigDecimal.ZERO;
    BigDecimal variable = BigDecimal.ZERO;
    Set<String> items = new TreeSet<>();
    for (JsonNode line : estimate.path("lines")) {
      for (String field : List.of("service", "domain", "item", "quantity", "unit", "unitPrice", "cost", "fixed")) {
        assertTrue(line.has(field), field + " in " + line);
      }
      BigDecimal product = line.path("quantity").decimalValue().multiply(line.path("unitPrice").decimalValue());
      same(product.setScale(Billing.MONEY_SCALE, RoundingMode.HALF_EVEN), line.path("cost").decimalValue(), line.toString());
      if (line.path("fixed").asBoolean()) {
        fixed = fixed.add(line.path("cost").decimalValue());
      } else {
        variable = variable.add(line.path("cost").decimalValue());
      }
      items.add(line.path("item").asText());
    }
    JsonNode monthly = estimate.path("monthly");
    same(fixed, monthly.path("fixed").decimalValue(), "fixed");
    same(variable, monthly.path("variable").decimalValue(), "variable");
    same(fixed.add(variable), monthly.path("total").decimalValue(), "total");
    JsonNode usd = estimate.path("monthlyUsd");
    same(usd.path("fixed").decimalValue().add(usd.path("variable").decimalValue()), usd.path("total").decimalValue(), "USD");
    assertTrue(items.containsAll(Items.CONTRACT), "contract items missing: " + items);
    assertTrue(estimate.path("yearlyShareOfCountyBudget").isNumber());
    assertTrue(estimate.path("assumptions").isObject());
    assertEquals(2, estimate.path("targets").size());
    estimate.path("targets").forEach(t -> assertTrue(t.has("name") && t.path("holds").isBoolean(), t.toString()));
  }

  @Test
  void theTextTableAddsUpAsPrintedToo() {
    String text = run("--scenario", "beijing-parking", "--region", "cn-north-1");
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal total = null;
    for (String line : text.split("\n")) {
      String[] words = line.trim().split("\\s+");
      if (words[0].matches("[FV](-free)?\\??") && words.length >= 8) {
        sum = sum.add(new BigDecimal(words[words.length - 1]));
      } else if (line.trim().startsWith("total (the lines add up to it exactly)")) {
        total = new BigDecimal(words[words.length - 1]);
      }
    }
    same(total, sum, "the printed lines add up to the printed total");
  }

  /** Numerically equal (JSON readers drop trailing zeros). */
  static void same(BigDecimal expected, BigDecimal actual, String what) {
    assertEquals(0, expected.compareTo(actual), what + ": expected " + expected + ", got " + actual);
  }

  @Test
  void theProfileCoversEveryCatalogFunctionAndSaysHowEachWasObtained() {
    UsageProfile profile = UsageProfile.read(ROOT.resolve(UsageProfile.FILE));
    Set<String> profiled = new TreeSet<>(profile.functions().stream().map(EventProfile::functionId).toList());
    Set<String> declared = new TreeSet<>(Catalog.standard().functions().stream().map(FunctionSpec::id).toList());
    assertEquals(declared, profiled, "./city bench profile, or an estimate with its reason, in " + UsageProfile.FILE);
    for (EventProfile entry : profile.functions()) {
      if (entry.source().equals(EventProfile.MEASURED)) {
        assertTrue(entry.invocationsMeasured() > 0, entry.functionId());
        assertTrue(entry.measuredBy().contains("twin"), "a twin measurement says so: " + entry.functionId());
      }
    }
  }

  @Test
  void everyScenarioGivesTheReasonOfEachAssumption() throws Exception {
    for (String name : SCENARIOS) {
      Scenario scenario = Scenario.read(ROOT.resolve(Scenario.FOLDER).resolve(name + ".json"));
      assertEquals(name, scenario.name());
      for (var component : Assumptions.class.getRecordComponents()) {
        if (!component.getName().equals("why")) {
          assertFalse(scenario.assumptions().why().getOrDefault(component.getName(), "").isBlank(),
              name + " gives no reason for " + component.getName());
        }
      }
    }
    try (Stream<Path> files = Files.list(ROOT.resolve(Scenario.FOLDER))) {
      assertEquals(new TreeSet<>(SCENARIOS), new TreeSet<>(files.map(f -> f.getFileName().toString().replace(".json", "")).toList()));
    }
  }

  @Test
  void theSampleCountyCountsItsDevicesFromTheCityFile() {
    Workload workload = CostCommand.scenario(ROOT, "sample-county").workload();
    assertEquals(36, workload.parkingSpaces());
    assertEquals(6, workload.plateCameras());
    assertEquals(12, workload.bikeStations());
    assertEquals(2, workload.trucks());
  }

  @Test
  void everyCatalogFunctionIsDrivenBySomethingTheModelKnows() {
    Scenario scenario = CostCommand.scenario(ROOT, "wei-county");
    List<Invocations> runs = Demand.perMonth(scenario.workload(), scenario.assumptions(), Catalog.standard().domains());
    assertEquals(Catalog.standard().functions().size(), runs.size());
    Invocations sweep = runs.stream().filter(r -> r.trigger() == Trigger.SCHEDULE)
        .filter(r -> r.function().id().equals("DispatchSweep")).findFirst().orElseThrow();
    assertEquals(30 * 24 * 60, sweep.perMonth(), 1e-9, "once a minute");
  }

  static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CostCommand.run(args, ROOT, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
