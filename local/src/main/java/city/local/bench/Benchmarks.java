package city.local.bench;

import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/** {@code ./city bench NAME ...}: runs the registered benchmark of that name; without a name, lists them. */
public final class Benchmarks {
  private Benchmarks() {}

  public static List<Benchmark> all() {
    return ServiceLoader.load(Benchmark.class).stream().map(ServiceLoader.Provider::get).toList();
  }

  public static void run(String[] args) throws Exception {
    List<Benchmark> benchmarks = all();
    if (args.length == 0) {
      System.err.println(usage(benchmarks));
      System.exit(2);
      return;
    }
    Benchmark chosen = benchmarks.stream().filter(b -> b.name().equals(args[0])).findFirst().orElse(null);
    if (chosen == null) {
      System.err.println("city bench: no benchmark " + args[0] + "\n" + usage(benchmarks));
      System.exit(2);
      return;
    }
    chosen.run(Arrays.copyOfRange(args, 1, args.length));
  }

  static String usage(List<Benchmark> benchmarks) {
    StringBuilder usage = new StringBuilder("usage:");
    for (Benchmark benchmark : benchmarks) {
      usage.append("\n  city bench ").append(benchmark.name()).append(' ').append(benchmark.usage());
    }
    return usage.toString();
  }
}
