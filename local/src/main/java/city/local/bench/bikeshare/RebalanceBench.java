package city.local.bench.bikeshare;

import city.bikeshare.core.rebalance.Feasibility;
import city.bikeshare.core.rebalance.RebalanceInstanceReader;
import city.bikeshare.core.rebalance.RebalanceProblem;
import city.bikeshare.core.rebalance.RebalanceSolution;
import city.bikeshare.core.rebalance.RebalanceSolver;
import city.bikeshare.core.rebalance.SolverSettings;
import city.local.bench.Benchmark;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code city bench rebalance FILE...}: solves each instance file with the default settings and prints
 * one JSON line per file, then a JSON summary line with the gaps to the best-known costs found in a
 * {@code best-known.csv} next to the instance files (columns {@code instance} and {@code best_known}).
 * With {@code --scale}, solves generated cities of growing size instead ({@link RebalanceScale}).
 */
public final class RebalanceBench implements Benchmark {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String name() {
    return "rebalance";
  }

  @Override
  public String usage() {
    return "FILE... | --scale [--json]";
  }

  @Override
  public void run(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--scale")) {
      RebalanceScale.run(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    main(args);
  }

  public static void main(String... files) throws IOException {
    if (files.length == 0) {
      System.err.println("usage: city bench rebalance FILE... | --scale [--json]");
      System.exit(2);
    }
    run(System.out, SolverSettings.defaults(), files);
  }

  static void run(PrintStream out, SolverSettings settings, String... files) throws IOException {
    Map<Path, Map<String, Double>> bestKnownByFolder = new HashMap<>();
    int solved = 0;
    int withBestKnown = 0;
    int overFivePercent = 0;
    double gapSum = 0;
    double maxGap = 0;
    long maxMillis = 0;
    for (String file : files) {
      Path path = Path.of(file);
      String name = path.getFileName().toString().replaceFirst("\\.json$", "");
      RebalanceProblem problem = RebalanceInstanceReader.read(path);
      long start = System.nanoTime();
      RebalanceSolution solution = RebalanceSolver.solve(problem, settings);
      long millis = (System.nanoTime() - start) / 1_000_000;
      List<String> violations = Feasibility.violations(problem, solution);
      if (!violations.isEmpty()) {
        throw new IllegalStateException(name + ": solver returned an infeasible plan: " + violations);
      }
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("instance", name);
      line.put("cost", number(solution.cost()));
      line.put("vehicles", solution.vehicles());
      line.put("millis", millis);
      line.put("routes", solution.routes());
      out.println(MAPPER.writeValueAsString(line));

      solved++;
      maxMillis = Math.max(maxMillis, millis);
      Path folder = path.toAbsolutePath().getParent();
      Double bestKnown = bestKnownByFolder.computeIfAbsent(folder, RebalanceBench::readBestKnown).get(name);
      if (bestKnown != null) {
        double gap = 100.0 * (solution.cost() - bestKnown) / bestKnown;
        withBestKnown++;
        gapSum += gap;
        maxGap = Math.max(maxGap, gap);
        if (gap > 5.0) {
          overFivePercent++;
        }
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("summary", true);
    summary.put("instances", solved);
    summary.put("withBestKnown", withBestKnown);
    summary.put("averageGapPercent", withBestKnown == 0 ? null : round(gapSum / withBestKnown));
    summary.put("maxGapPercent", withBestKnown == 0 ? null : round(maxGap));
    summary.put("overFivePercent", overFivePercent);
    summary.put("maxMillis", maxMillis);
    out.println(MAPPER.writeValueAsString(summary));
  }

  private static Map<String, Double> readBestKnown(Path folder) {
    Path csv = folder == null ? null : folder.resolve("best-known.csv");
    Map<String, Double> bestKnown = new HashMap<>();
    if (csv == null || !Files.isRegularFile(csv)) {
      return bestKnown;
    }
    try {
      List<String> lines = Files.readAllLines(csv);
      if (lines.isEmpty()) {
        return bestKnown;
      }
      List<String> header = List.of(lines.get(0).trim().split(","));
      int instanceColumn = header.indexOf("instance");
      int bestColumn = header.indexOf("best_known");
      if (instanceColumn < 0 || bestColumn < 0) {
        return bestKnown;
      }
      for (String row : lines.subList(1, lines.size())) {
        String[] cells = row.trim().split(",");
        if (cells.length > Math.max(instanceColumn, bestColumn) && !cells[bestColumn].isBlank()) {
          bestKnown.put(cells[instanceColumn].trim(), Double.parseDouble(cells[bestColumn].trim()));
        }
      }
      return bestKnown;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
  }

  /** Integral costs print as integers, like the published best-known values. */
  private static Number number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
  }

  private static double round(double percent) {
    return Math.round(percent * 1000) / 1000.0;
  }
}
