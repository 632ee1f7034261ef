package city.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * `sam local invoke <FunctionId> -e events/<file>` needs a sample event for every function: events/ must hold
 * {@code <FunctionId>.json} or {@code <FunctionId>-<case>.json} for each catalog function, as valid JSON.
 */
class EventsTest {
  private static final Path EVENTS = SynthesizedCity.REPO.resolve("events");

  @Test
  void everyFunctionHasASampleEvent() throws IOException {
    List<String> missing = new ArrayList<>();
    for (FunctionSpec spec : Catalog.standard().functions()) {
      if (eventsFor(spec.id()).isEmpty()) {
        missing.add(spec.id());
      }
    }
    assertEquals(List.of(), missing, "add events/<FunctionId>.json (or <FunctionId>-<case>.json) for these");
  }

  @Test
  void everySampleEventIsJson() throws IOException {
    for (FunctionSpec spec : Catalog.standard().functions()) {
      for (Path event : eventsFor(spec.id())) {
        assertTrue(SynthesizedCity.JSON.readTree(event.toFile()).isObject(), event + " is a JSON object");
      }
    }
  }

  private static List<Path> eventsFor(String functionId) throws IOException {
    if (!Files.isDirectory(EVENTS)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(EVENTS)) {
      return files.filter(p -> {
        String name = p.getFileName().toString();
        return name.equals(functionId + ".json") || (name.startsWith(functionId + "-") && name.endsWith(".json"));
      }).sorted().toList();
    }
  }
}
