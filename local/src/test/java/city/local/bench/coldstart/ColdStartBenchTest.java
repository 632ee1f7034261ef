package city.local.bench.coldstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import city.local.RepoRoot;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColdStartBenchTest {
  @Test
  void readsTheLaunchersLine() {
    Child child = Child.parse("COLDSTART ms=812 answer=HTTP 200");
    assertEquals(812, child.millis());
    assertEquals("HTTP 200", child.answer());
    assertThrows(IllegalArgumentException.class, () -> Child.parse("COLDSTART 812"));
  }

  @Test
  void everyCatalogFunctionHasASampleEvent() throws Exception {
    for (FunctionSpec function : Catalog.standard().functions()) {
      assertTrue(Files.isRegularFile(ColdStartBench.sampleEvent(RepoRoot.find(), function.id())), function.id());
    }
  }

  @Test
  void tableGivesEachFunctionItsRatioToTheSdkBaselineAndTheTarget() {
    List<ColdStartBench.Measured> measured = List.of(
        new ColdStartBench.Measured(ColdStartBench.HELLO, List.of(40L, 50L, 45L), List.of(), List.of(), "hello world", Optional.empty()),
        new ColdStartBench.Measured(ColdStartBench.SDK, List.of(1000L, 900L, 1100L), List.of(), List.of(), "GetItem no item", Optional.empty()),
        new ColdStartBench.Measured("Fast", List.of(1100L, 1200L, 1150L), List.of(), List.of(), "HTTP 200", Optional.empty()),
        new ColdStartBench.Measured("Slow", List.of(1300L, 1250L, 1500L), List.of(), List.of(), "{status=ok}", Optional.empty()));
    String table = ColdStartBench.table(measured).render();
    List<String> lines = table.lines().toList();
    assertEquals(5, lines.size(), table);
    assertTrue(lines.get(3).matches("Fast\\s+1150\\s+1100\\s+1\\.15\\s+met\\s+HTTP 200"), lines.get(3));
    assertTrue(lines.get(4).matches("Slow\\s+1300\\s+1250\\s+1\\.30\\s+missed\\s+\\{status=ok}"), lines.get(4));
  }

  @Test
  void appCdsColumnsAppearWhenMeasured() {
    List<ColdStartBench.Measured> measured = List.of(
        new ColdStartBench.Measured(ColdStartBench.SDK, List.of(1000L), List.of(), List.of(500L), "GetItem no item", Optional.empty()));
    String header = ColdStartBench.table(measured).render().lines().findFirst().orElseThrow();
    assertTrue(header.contains("AppCDS median ms"), header);
  }
}
