package city.local;

import city.platform.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The sample county's city file with a test's or a bench's changes, in a temporary file deleted when the JVM exits. */
public final class SampleCityVariant {
  private SampleCityVariant() {}

  /** @param edit changes the parsed city file in place (its sections, devices, thresholds) */
  public static Path write(String name, Consumer<ObjectNode> edit) {
    try {
      ObjectNode city = (ObjectNode) Json.MAPPER.readTree(TwinOptions.sampleCity(RepoRoot.find()).toFile());
      edit.accept(city);
      Path file = Files.createTempFile(name + "-city-", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, Json.write(city));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the " + name + " city file", e);
    }
  }
}
