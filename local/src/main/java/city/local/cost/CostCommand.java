package city.local.cost;

import city.catalog.Catalog;
import city.catalog.Domain;
import city.local.RepoRoot;
import city.platform.City;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./city cost}: reads the scenario, the measured profile and the price book from the repository,
 * estimates, prints. The estimate itself is {@link Estimate#of}, a pure function.
 */
public final class CostCommand {
  static final String DEFAULT_REGION = "us-east-1";
  static final List<String> REGIONS = List.of("us-east-1", "cn-north-1", "cn-northwest-1");
  static final String USAGE = """
      usage: city cost [--scenario NAME | --city FILE] [--region us-east-1|cn-north-1|cn-northwest-1] [--json]
                       [--cny-per-usd X] [--plot FILE]
        --scenario NAME  sample-county (default), wei-county, beijing-parking, bikeshare-500, idle
                         (local/cost/scenarios/NAME.json)
        --city FILE      the sample county's rates with the devices of a city file
        --region R       default us-east-1 (USD); cn-north-1 Beijing and cn-northwest-1 Ningxia bill in CNY
        --json           the same, machine-readable
        --cny-per-usd X  the conversion rate (default: infra/cost/prices.json's, with its date)
        --plot FILE      also write the SVG of monthly cost against city size (beijing-parking scaled)""";

  private CostCommand() {}

  public static void main(String[] args) {
    try {
      run(args, RepoRoot.find(), System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("city cost: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
    } catch (IllegalStateException | UncheckedIOException e) {
      System.err.println("city cost: " + e.getMessage());
      System.exit(1);
    }
  }

  static void run(String[] args, Path root, PrintStream out) {
    String scenarioName = Scenario.DEFAULT;
    Optional<Path> cityFile = Optional.empty();
    String region = DEFAULT_REGION;
    boolean json = false;
    Optional<BigDecimal> rate = Optional.empty();
    Optional<Path> plot = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--json" -> json = true;
        case "--help", "-h" -> {
          out.println(USAGE);
          return;
        }
        case "--scenario" -> scenarioName = value(args, ++i, arg);
        case "--city" -> cityFile = Optional.of(Path.of(value(args, ++i, arg)));
        case "--region" -> region = value(args, ++i, arg);
        case "--cny-per-usd" -> rate = Optional.of(positive(value(args, ++i, arg)));
        case "--plot" -> plot = Optional.of(Path.of(value(args, ++i, arg)));
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (!REGIONS.contains(region)) {
      throw new IllegalArgumentException("--region must be one of " + REGIONS);
    }
    PriceBook book = PriceBook.read(root.resolve(PriceBook.FILE));
    if (rate.isPresent()) {
      book = book.withConversion(new Conversion(rate.get(), "given on the command line", "--cny-per-usd"));
    }
    UsageProfile profile = UsageProfile.read(root.resolve(UsageProfile.FILE));
    List<Domain> domains = Catalog.standard().domains();
    Scenario scenario = cityFile.isPresent() ? fromCity(root, cityFile.get()) : scenario(root, scenarioName);

    Estimate estimate = Estimate.of(scenario, profile, domains, book, region);
    List<Target> targets = Targets.of(Estimate.of(scenario(root, Targets.IDLE), profile, domains, book, region),
        Estimate.of(scenario(root, Targets.BEIJING_PARKING), profile, domains, book, region));
    if (json) {
      out.println(CostReport.json(estimate, targets));
    } else {
      CostReport.text(estimate, targets, out);
    }
    if (plot.isPresent()) {
      writePlot(root, plot.get(), profile, domains, book, json ? System.err : out);
    }
  }

  /** A scenario file; one that names a city file takes its device counts from it. */
  static Scenario scenario(Path root, String name) {
    Path file = root.resolve(Scenario.FOLDER).resolve(name + ".json");
    if (!name.matches("[a-z0-9-]+") || !Files.exists(file)) {
      throw new IllegalArgumentException("no scenario " + name + " (" + names(root) + ")");
    }
    Scenario scenario = Scenario.read(file);
    return scenario.city()
        .map(city -> scenario.withWorkload(CityDevices.apply(scenario.workload(), City.load(root.resolve(city)))))
        .orElse(scenario);
  }

  private static Scenario fromCity(Path root, Path cityFile) {
    City city = City.load(cityFile);
    Scenario rates = Scenario.read(root.resolve(Scenario.FOLDER).resolve(Scenario.DEFAULT + ".json"));
    return new Scenario(city.id(), city.name() + " (" + cityFile + ") at the sample county's rates and assumptions",
        cityFile.toString(), CityDevices.apply(rates.workload(), city), rates.assumptions());
  }

  private static void writePlot(Path root, Path file, UsageProfile profile, List<Domain> domains, PriceBook book,
      PrintStream out) {
    Scenario base = scenario(root, Targets.BEIJING_PARKING);
    String parkingTable = domains.stream().filter(d -> d.name().equals("parking")).flatMap(d -> d.tables().stream())
        .findFirst().orElseThrow().id();
    List<SizePlot.Series> series = new ArrayList<>();
    for (String region : List.of("us-east-1", "cn-north-1", "cn-northwest-1")) {
      series.add(SizePlot.series(region, spaces ->
          Estimate.of(base.withParkingSpaces(spaces, parkingTable), profile, domains, book, region).totalUsd()));
    }
    String svg = SizePlot.svg("Monthly cost against city size: beijing-parking scaled (cameras, apps, data)", series);
    try {
      Files.writeString(file, svg);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    out.println("  wrote the plot " + file);
  }

  private static String names(Path root) {
    try (var files = Files.list(root.resolve(Scenario.FOLDER))) {
      return String.join(", ", files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", "")).sorted().toList());
    } catch (IOException e) {
      return "none found in " + Scenario.FOLDER;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static BigDecimal positive(String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() > 0) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException("--cny-per-usd must be a positive number, not " + text);
  }
}
