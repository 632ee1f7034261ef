package city.infra;

import city.platform.SiteFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The one code asset every function shares: the shaded jar under {@code lib/} (the Java runtime puts
 * {@code /var/task/lib/*.jar} on the class path) and the city file as {@code city.json} beside it. One asset
 * means one upload per deploy however many functions there are.
 */
public final class LambdaBundle {
  /** Where the city file lands inside the function: the value of CITY_FILE. */
  public static final String CITY_FILE_IN_TASK = "/var/task/city.json";
  /** Where Lambda unpacks the web pages' layer (layers land under /opt): the value of CITY_WEB_ROOT. */
  public static final String WEB_FILES_IN_LAYER = "/opt/city-web";

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

  /**
   * The web pages' layer: the folders {@link SiteFiles} serves, copied from the checkout (the files it would serve,
   * no type definitions), for the functions that serve them only; the shared jar stays as it is, so a page edit
   * publishes one function's version, not every function's.
   */
  public static Code stageWebFiles(Path checkout, Path stagingDir) {
    Path layer = stagingDir.resolve("city-web");
    try {
      if (Files.exists(layer)) {
        try (Stream<Path> stale = Files.walk(layer)) {
          for (Path file : stale.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
      for (Map.Entry<String, String> folder : SiteFiles.FOLDERS.entrySet()) {
        Path from = checkout.resolve(folder.getValue());
        if (!Files.isDirectory(from)) {
          throw new IllegalStateException("no " + from.toAbsolutePath().normalize() + " for " + folder.getKey()
              + ": run `npm ci` in the checkout (./city synth does)");
        }
        try (Stream<Path> files = Files.walk(from)) {
          for (Path file : files.filter(Files::isRegularFile).filter(f -> SiteFiles.serves(f.getFileName().toString())).toList()) {
            Path to = layer.resolve(folder.getValue()).resolve(from.relativize(file).toString());
            Files.createDirectories(to.getParent());
            Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the web pages' layer in " + stagingDir.toAbsolutePath(), e);
    }
    return Code.fromAsset(stagingDir.toString());
  }
}
