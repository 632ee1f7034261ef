package city.local.iot;

/** A lexical token of the rule SQL; {@code position} is the character offset, for error messages. */
record SqlToken(Kind kind, String text, int position) {
  enum Kind { IDENTIFIER, KEYWORD, STRING, NUMBER, SYMBOL, END }

  boolean is(Kind wanted, String value) {
    return kind == wanted && text.equalsIgnoreCase(value);
  }

  boolean isKeyword(String keyword) {
    return is(Kind.KEYWORD, keyword);
  }

  boolean isSymbol(String symbol) {
    return is(Kind.SYMBOL, symbol);
  }
}
