package city.local.cost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A city to price: its workload and every assumption, from {@code local/cost/scenarios/NAME.json}.
 *
 * @param cityFile when not null, the device counts come from this city file (relative to the repository)
 */
public record Scenario(String name, String description, String cityFile, Workload workload, Assumptions assumptions) {

  public static final Path FOLDER = Path.of("local", "cost", "scenarios");
  public static final String DEFAULT = "sample-county";

  public Optional<String> city() {
    return Optional.ofNullable(cityFile);
  }

  public Scenario withWorkload(Workload changed) {
    return new Scenario(name, description, cityFile, changed, assumptions);
  }

  public Scenario withAssumptions(Assumptions changed) {
    return new Scenario(name, description, cityFile, workload, changed);
  }

  /** Parking scaled to {@code spaces}, its stored data in proportion. */
  public Scenario withParkingSpaces(long spaces, String parkingTable) {
    double factor = workload.parkingSpaces() == 0 ? 0 : (double) spaces / workload.parkingSpaces();
    Map<String, Double> stored = assumptions.storedGbByTable().entrySet().stream().collect(Collectors.toMap(
        Map.Entry::getKey, e -> e.getKey().equals(parkingTable) ? e.getValue() * factor : e.getValue()));
    return new Scenario(name + "-" + spaces, description, cityFile, workload.withParkingSpaces(spaces),
        assumptions.withStoredGb(stored));
  }

  public static Scenario read(Path file) {
    try {
      return StrictJson.MAPPER.readValue(Files.readAllBytes(file), Scenario.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the scenario " + file + ": " + e.getMessage(), e);
    }
  }
}
