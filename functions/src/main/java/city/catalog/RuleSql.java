package city.catalog;

/**
 * The SQL shape every device rule uses. {@code encode(*, 'base64')} forwards the payload untouched, so
 * malformed JSON still reaches the function and is dead-lettered with a reason instead of failing inside
 * the rules engine; the device id is the topic level that holds the thing name.
 */
final class RuleSql {
  private RuleSql() {}

  static String device(String topicFilter, int deviceIdLevel) {
    return "SELECT encode(*, 'base64') AS payload, topic() AS topic, topic(" + deviceIdLevel
        + ") AS deviceId, timestamp() AS receivedAt FROM '" + topicFilter + "'";
  }
}
