package city.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project checkout the twin runs from: the directory holding {@code node_modules/dynalite} (installed
 * by the project's own package-lock) and the sample city. Found from the working directory upwards, then
 * from where the twin's classes live.
 */
public final class RepoRoot {
  private static final Path MARKER = Path.of("node_modules", "dynalite", "package.json");

  private RepoRoot() {}

  public static Path find() {
    return search(Path.of("").toAbsolutePath())
        .or(RepoRoot::fromCodeLocation)
        .orElseThrow(() -> new IllegalStateException(
            "cannot find node_modules/dynalite above " + Path.of("").toAbsolutePath()
                + ": run `npm ci` in the repository root (./city does it for you)"));
  }

  static Optional<Path> search(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(MARKER))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> fromCodeLocation() {
    try {
      return search(Path.of(RepoRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath());
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
