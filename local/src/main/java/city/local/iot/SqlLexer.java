package city.local.iot;

import city.local.iot.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits rule SQL into tokens. Keywords are case-insensitive; strings are single-quoted. */
final class SqlLexer {
  private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AS", "AND", "OR", "NOT", "TRUE", "FALSE", "NULL");
  private static final List<String> SYMBOLS = List.of("<>", "!=", "<=", ">=", "=", "<", ">", "(", ")", ",", "*", ".", "-");

  private SqlLexer() {}

  static List<SqlToken> tokenize(String sql) {
    List<SqlToken> tokens = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        i = string(sql, i, tokens);
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < sql.length() && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new SqlToken(Kind.NUMBER, sql.substring(start, i), start));
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int start = i;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
          i++;
        }
        String word = sql.substring(start, i);
        boolean keyword = KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
        tokens.add(new SqlToken(keyword ? Kind.KEYWORD : Kind.IDENTIFIER, word, start));
      } else {
        i = symbol(sql, i, tokens);
      }
    }
    tokens.add(new SqlToken(Kind.END, "", sql.length()));
    return tokens;
  }

  private static int string(String sql, int start, List<SqlToken> tokens) {
    StringBuilder text = new StringBuilder();
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
        text.append('\'');
        i += 2;
      } else if (c == '\\' && i + 1 < sql.length()) {
        text.append(sql.charAt(i + 1));
        i += 2;
      } else if (c == '\'') {
        tokens.add(new SqlToken(Kind.STRING, text.toString(), start));
        return i + 1;
      } else {
        text.append(c);
        i++;
      }
    }
    throw new RuleSqlException("unterminated string starting at " + start, sql);
  }

  private static int symbol(String sql, int start, List<SqlToken> tokens) {
    for (String symbol : SYMBOLS) {
      if (sql.startsWith(symbol, start)) {
        tokens.add(new SqlToken(Kind.SYMBOL, symbol, start));
        return start + symbol.length();
      }
    }
    throw new RuleSqlException("unexpected character '" + sql.charAt(start) + "' at " + start, sql);
  }
}
