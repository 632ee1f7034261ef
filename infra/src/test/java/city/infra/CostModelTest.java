package city.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** infra/cost-model.json feeds the cost estimator: one complete entry per catalog function, sized as declared. */
class CostModelTest {
  private static final List<String> NUMBERS = List.of("invocationsPerMonth", "avgDurationMs", "memoryMb",
      "readRequestUnitsPerEvent", "writeRequestUnitsPerEvent", "iotMessagesPerEvent", "httpRequestsPerEvent");
  private static JsonNode functions;

  @BeforeAll
  static void load() throws Exception {
    functions = SynthesizedCity.JSON.readTree(SynthesizedCity.INFRA.resolve("cost-model.json").toFile()).path("functions");
  }

  @Test
  void everyCatalogFunctionAndNoOtherHasAnEntry() {
    Set<String> modelled = new TreeSet<>();
    functions.fieldNames().forEachRemaining(modelled::add);
    Set<String> declared = new TreeSet<>(Catalog.standard().functions().stream().map(FunctionSpec::id).toList());
    assertEquals(declared, modelled, "add or remove entries in infra/cost-model.json");
  }

  @Test
  void everyEntryIsCompleteAndSizedAsTheCatalogDeclares() {
    for (FunctionSpec spec : Catalog.standard().functions()) {
      JsonNode entry = functions.path(spec.id());
      for (String field : NUMBERS) {
        assertTrue(entry.path(field).isNumber() && entry.path(field).asDouble() >= 0, spec.id() + "." + field);
      }
      assertEquals(spec.memoryMb(), entry.path("memoryMb").asInt(), spec.id() + " memory differs from the catalog");
      assertTrue(Set.of("estimate", "measured").contains(entry.path("source").asText()), spec.id() + ".source");
      assertTrue(!entry.path("basis").asText().isBlank(), spec.id() + ".basis");
    }
  }
}
