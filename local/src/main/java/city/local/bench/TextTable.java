package city.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A benchmark's printed table: a header and rows of cells, columns padded to their widest cell; a column of
 * numbers is right-aligned, so figures line up by their units, any other column left-aligned.
 */
public final class TextTable {
  /** A figure, possibly with a unit sign or a suffix ({@code 1.2x}, {@code 85%}), or a dash for none. */
  private static final Pattern NUMBER = Pattern.compile("-|[-+]?[0-9][0-9,]*(\\.[0-9]+)?(e[-+]?[0-9]+)?[x%]?");
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(String... header) {
    this.header = List.of(header);
  }

  public TextTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("a row of " + cells.length + " cells under " + header.size() + " columns");
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  public int rowCount() {
    return rows.size();
  }

  public String render() {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    boolean[] numeric = new boolean[header.size()];
    for (int c = 0; c < numeric.length; c++) {
      final int column = c;
      numeric[c] = !rows.isEmpty() && rows.stream().allMatch(row -> NUMBER.matcher(row.get(column)).matches());
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths, numeric);
    for (List<String> row : rows) {
      line(out, row, widths, numeric);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] numeric) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        line.append("  ");
      }
      String cell = cells.get(c);
      String padding = " ".repeat(widths[c] - cell.length());
      line.append(numeric[c] ? padding + cell : cell + padding);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
