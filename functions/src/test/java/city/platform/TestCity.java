package city.platform;

import java.nio.file.Path;

/** The sample county that ships with the repo: tests read the same file the twin and CDK read. */
public final class TestCity {
  public static final Path SAMPLE = Path.of("..", "local", "cities", "sample-county.json");

  private TestCity() {}

  public static City sample() {
    return City.load(SAMPLE);
  }
}
