package city.local.bench;

/**
 * A {@code ./city bench NAME ...} command: prints its numbers as a table (and JSON where asked). Registered
 * with one line in {@code META-INF/services/city.local.bench.Benchmark}; a domain's benchmarks live in the
 * bench package named after it.
 */
public interface Benchmark {
  /** The subcommand: {@code ./city bench <name>}. */
  String name();

  /** Its arguments, for the usage text. */
  String usage();

  void run(String[] args) throws Exception;
}
