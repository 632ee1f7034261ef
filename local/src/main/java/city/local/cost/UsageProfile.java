package city.local.cost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The per-event profile of every function, kept in the repository and refreshed by {@code ./city bench profile}. */
public record UsageProfile(String description, List<EventProfile> functions) {
  public static final Path FILE = Path.of("infra", "cost", "profile.json");

  public UsageProfile {
    functions = List.copyOf(functions);
  }

  public Optional<EventProfile> function(String functionId) {
    return functions.stream().filter(f -> f.functionId().equals(functionId)).findFirst();
  }

  public EventProfile require(String functionId) {
    return function(functionId).orElseThrow(() -> new IllegalStateException(
        "no profile entry for " + functionId + " in " + FILE + ": run ./city bench profile, or add an estimate with its reason"));
  }

  public static UsageProfile read(Path file) {
    try {
      return StrictJson.MAPPER.readValue(Files.readAllBytes(file), UsageProfile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the usage profile " + file + ": " + e.getMessage(), e);
    }
  }

  public void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, StrictJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the usage profile " + file + ": " + e.getMessage(), e);
    }
  }
}
