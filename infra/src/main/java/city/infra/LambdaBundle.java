package city.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The one code asset every function shares: the shaded jar under {@code lib/} (the Java runtime puts
 * {@code /var/task/lib/*.jar} on the class path) and the city file as {@code city.json} beside it. One asset
 * means one upload per deploy however many functions there are.
 */
public final class LambdaBundle {
  /** Where the city file lands inside the function: the value of CITY_FILE. */
  public static final String CITY_FILE_IN_TASK = "/var/task/city.json";

  private LambdaBundle() {}

  public static Code stage(Path functionsJar, Path cityFile, Path stagingDir) {
    try {
      Path lib = stagingDir.resolve("lib");
      Files.createDirectories(lib);
      try (var stale = Files.list(lib)) {
        for (Path file : stale.toList()) {
          Files.delete(file);
        }
      }
      Files.copy(functionsJar, lib.resolve("city-functions.jar"), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(cityFile, stagingDir.resolve("city.json"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the Lambda asset in " + stagingDir.toAbsolutePath(), e);
    }
    return Code.fromAsset(stagingDir.toString());
  }
}
