package city.bikeshare.core.rebalance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Dell'Amico et al. benchmark instances (test resources, verbatim) read raw. */
final class BenchmarkInstances {

  /** The instance as plain arrays, parsed here rather than by the solver's reader, for the independent check. */
  record Raw(String name, int[] demands, int capacity, double[][] distance) {
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BenchmarkInstances() {}

  static Path folder() {
    Path folder = Path.of(System.getProperty("brp.dir", "src/test/resources/brp-dhin"));
    if (!Files.isRegularFile(folder.resolve("best-known.csv"))) {
      throw new IllegalStateException("benchmark instances missing at " + folder.toAbsolutePath());
    }
    return folder;
  }

  static Path file(Path folder, String name) {
    return folder.resolve(name + ".json");
  }

  static List<String> names(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".json"))
          .map(name -> name.substring(0, name.length() - ".json".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Double> bestKnown(Path folder) {
    try {
      List<String> lines = Files.readAllLines(folder.resolve("best-known.csv"));
      List<String> header = List.of(lines.get(0).split(","));
      int name = header.indexOf("instance");
      int best = header.indexOf("best_known");
      Map<String, Double> costs = new HashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        costs.put(cells[name], Double.parseDouble(cells[best]));
      }
      return costs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Raw raw(Path folder, String name) {
    try {
      JsonNode root = MAPPER.readTree(file(folder, name).toFile());
      int n = root.get("demands").size();
      int[] demands = new int[n];
      double[][] distance = new double[n][n];
      for (int i = 0; i < n; i++) {
        demands[i] = root.get("demands").get(i).asInt();
        for (int j = 0; j < n; j++) {
          distance[i][j] = root.get("distance_matrix").get(i).get(j).asDouble();
        }
      }
      return new Raw(name, demands, root.get("vehicle_capacity").asInt(), distance);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RebalanceProblem problem(Path folder, String name) {
    try {
      return RebalanceInstanceReader.read(file(folder, name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
