package city.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import city.catalog.Catalog;
import city.catalog.CityModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared rooms (the platform, the catalog, the CDK app, the twin's engine and the demo's frame) hold no
 * class, string or constant of a domain: a new domain touches none of them. Comments may still give examples.
 */
class SharedRoomsNameNoDomainTest {
  /** ops is the platform's own module, and "ops" is also a role: it is not looked for. */
  private static final List<String> DOMAINS = Catalog.standard().modules().stream().map(CityModule::name)
      .filter(name -> !name.equals("ops")).toList();
  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|(?m)(^|\\s)//.*$", Pattern.DOTALL);

  @Test
  void noSharedSourceFileNamesADomain() throws IOException {
    Path repo = SynthesizedCity.REPO;
    List<Path> roots = List.of(
        repo.resolve("functions/src/main/java/city/platform"),
        repo.resolve("functions/src/main/java/city/catalog"),
        repo.resolve("infra/src/main/java"),
        repo.resolve("local/src/main/java/city/local"));
    List<String> found = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(f -> f.toString().endsWith(".java")).filter(SharedRoomsNameNoDomainTest::shared)
            .forEach(file -> found.addAll(mentions(repo.relativize(file), read(file))));
      }
    }
    assertEquals(List.of(), found);
  }

  /**
   * The per-domain demo packages belong to their domains; the cost estimator prices each domain's workload by
   * name (docs/cost.md), so it is a domain-aware tool rather than a shared room; so are the pipeline benchmark,
   * which publishes every domain's device messages by their contract, and the city bus benchmark, which times the
   * rules that join parking and bike share to dispatch (docs/benchmarks.md).
   */
  private static boolean shared(Path file) {
    String path = file.toString().replace('\\', '/');
    if (path.contains("/city/local/cost/") || path.contains("/city/local/profile/")
        || path.contains("/city/local/bench/pipeline/") || path.contains("/city/local/bench/bus/")) {
      return false;
    }
    return DOMAINS.stream().noneMatch(domain -> path.contains("/city/local/demo/" + domain + "/")
        || path.contains("/city/local/bench/" + domain + "/"));
  }

  private static List<String> mentions(Path file, String source) {
    String code = COMMENTS.matcher(source).replaceAll(" ").toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>();
    for (String domain : DOMAINS) {
      Matcher matcher = Pattern.compile(Pattern.quote(domain)).matcher(code);
      if (matcher.find()) {
        int line = code.substring(0, matcher.start()).split("\n", -1).length;
        found.add(file + " names " + domain + " (line ~" + line + " without comments)");
      }
    }
    return found;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
