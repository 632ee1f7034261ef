package city.local.iot;

/**
 * One column of the SELECT list: {@code *} (every field of a JSON payload) when {@code expression} is null,
 * else an expression and the output name (its alias, or a field reference's own name).
 */
record SelectItem(Expression expression, String name) {
  static SelectItem allFields() {
    return new SelectItem(null, "*");
  }

  boolean isAllFields() {
    return expression == null;
  }
}
