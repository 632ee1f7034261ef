package city.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The function sizing table of docs/deploy.md is rendered from the catalog, never edited by hand: a size or
 * reason changed on one side only fails here. {@code -Dsizing.write=true} rewrites the table in the page.
 */
class SizingTableTest {
  static final Path DEPLOY_PAGE = SynthesizedCity.REPO.resolve("docs").resolve("deploy.md");
  static final String BEGIN = "<!-- sizing:begin -->";
  static final String END = "<!-- sizing:end -->";

  @Test
  void deployPageSizingTableIsRenderedFromTheCatalog() throws IOException {
    String page = Files.readString(DEPLOY_PAGE);
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    assertTrue(begin >= 0 && end > begin, DEPLOY_PAGE + " needs the sizing table between " + BEGIN + " and " + END);
    String expected = table(Catalog.standard().functions());
    String actual = page.substring(begin + BEGIN.length(), end);
    if (Boolean.getBoolean("sizing.write")) {
      Files.writeString(DEPLOY_PAGE, page.substring(0, begin + BEGIN.length()) + expected + page.substring(end));
      return;
    }
    assertEquals(expected, actual, () -> "docs/deploy.md's sizing table is not the catalog's (city.catalog.*Declarations)."
        + " Rerun with -Dsizing.write=true to rewrite it, or put this between the markers:\n" + expected);
  }

  /** One row per function in catalog order; a {@code |} in a reason is escaped so it cannot split the row. */
  static String table(List<FunctionSpec> functions) {
    StringBuilder table = new StringBuilder("\n| function | memory | timeout | reserved | why |\n|---|---|---|---|---|\n");
    for (FunctionSpec function : functions) {
      table.append("| ").append(function.id())
          .append(" | ").append(function.memoryMb()).append(" MB")
          .append(" | ").append(function.timeoutSeconds()).append(" s")
          .append(" | ").append(function.reservedConcurrency())
          .append(" | ").append(function.why().replace("|", "\\|"))
          .append(" |\n");
    }
    return table.toString();
  }
}
