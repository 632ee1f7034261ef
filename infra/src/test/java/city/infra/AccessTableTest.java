package city.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import city.catalog.TableAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The least-privilege table of docs/security.md is rendered from the catalog's table access, never edited by
 * hand. {@code -Daccess.write=true} rewrites the table in the page.
 */
class AccessTableTest {
  static final Path SECURITY_PAGE = SynthesizedCity.REPO.resolve("docs").resolve("security.md");
  static final String BEGIN = "<!-- access:begin -->";
  static final String END = "<!-- access:end -->";

  @Test
  void securityPageAccessTableIsRenderedFromTheCatalog() throws IOException {
    String page = Files.readString(SECURITY_PAGE);
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    assertTrue(begin >= 0 && end > begin, SECURITY_PAGE + " needs the access table between " + BEGIN + " and " + END);
    String expected = table(Catalog.standard().functions());
    String actual = page.substring(begin + BEGIN.length(), end);
    if (Boolean.getBoolean("access.write")) {
      Files.writeString(SECURITY_PAGE, page.substring(0, begin + BEGIN.length()) + expected + page.substring(end));
      return;
    }
    assertEquals(expected, actual, () -> "docs/security.md's access table is not the catalog's."
        + " Rerun with -Daccess.write=true to rewrite it, or put this between the markers:\n" + expected);
  }

  static String table(List<FunctionSpec> functions) {
    StringBuilder table = new StringBuilder(
        "\n| function | reads | writes only | reads and writes | publishes to |\n|---|---|---|---|---|\n");
    for (FunctionSpec function : functions) {
      table.append("| ").append(function.id())
          .append(" | ").append(tables(function, TableAccess.READ))
          .append(" | ").append(tables(function, TableAccess.WRITE))
          .append(" | ").append(tables(function, TableAccess.READ_WRITE))
          .append(" | ").append(function.publishTopics().stream().map(t -> "`" + t + "`").collect(Collectors.joining(", ")))
          .append(" |\n");
    }
    return table.toString();
  }

  private static String tables(FunctionSpec function, TableAccess access) {
    return function.tableAccess().entrySet().stream().filter(e -> e.getValue() == access)
        .map(e -> e.getKey()).collect(Collectors.joining(", "));
  }
}
