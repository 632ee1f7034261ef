package city.bikeshare.core.rebalance;

import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the benchmark's instance format:
 * {@code {"num_vertices": n, "demands": [...], "vehicle_capacity": Q, "distance_matrix": [[...]]}}.
 */
public final class RebalanceInstanceReader {

  private RebalanceInstanceReader() {}

  public static RebalanceProblem read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  public static RebalanceProblem read(InputStream in) throws IOException {
    JsonNode root = Json.MAPPER.readTree(in);
    JsonNode demandsNode = required(root, "demands");
    JsonNode matrixNode = required(root, "distance_matrix");
    int n = demandsNode.size();
    if (root.has("num_vertices") && root.get("num_vertices").asInt() != n) {
      throw new IOException("num_vertices " + root.get("num_vertices").asInt() + " but " + n + " demands");
    }
    if (matrixNode.size() != n) {
      throw new IOException("distance_matrix has " + matrixNode.size() + " rows for " + n + " vertices");
    }
    int[] demands = new int[n];
    double[][] cost = new double[n][n];
    for (int i = 0; i < n; i++) {
      demands[i] = demandsNode.get(i).intValue();
      JsonNode row = matrixNode.get(i);
      if (row.size() != n) {
        throw new IOException("distance_matrix row " + i + " has " + row.size() + " entries for " + n + " vertices");
      }
      for (int j = 0; j < n; j++) {
        cost[i][j] = row.get(j).doubleValue();
      }
    }
    return new RebalanceProblem(demands, required(root, "vehicle_capacity").intValue(), cost);
  }

  private static JsonNode required(JsonNode root, String field) throws IOException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw new IOException("instance lacks \"" + field + "\"");
    }
    return node;
  }
}
