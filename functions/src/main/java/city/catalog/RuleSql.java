package city.catalog;

/**
 * The SQL shape every device rule uses. {@code encode(*, 'base64')} forwards the payload untouched, so
 * malformed JSON still reaches the function and is dead-lettered with a reason instead of failing inside
 * the rules engine; the device id is the topic level that holds the thing name, the filter's one {@code +}.
 */
public final class RuleSql {
  private RuleSql() {}

  public static String device(String topicFilter) {
    String[] levels = topicFilter.split("/", -1);
    int deviceIdLevel = 0;
    for (int i = 0; i < levels.length; i++) {
      if (levels[i].equals("+")) {
        if (deviceIdLevel != 0) {
          throw new IllegalArgumentException("a device topic has one + (the thing name): " + topicFilter);
        }
        deviceIdLevel = i + 1;
      }
    }
    if (deviceIdLevel == 0 || topicFilter.contains("#")) {
      throw new IllegalArgumentException("a device topic has one + (the thing name) and no #: " + topicFilter);
    }
    return "SELECT encode(*, 'base64') AS payload, topic() AS topic, topic(" + deviceIdLevel
        + ") AS deviceId, timestamp() AS receivedAt FROM '" + topicFilter + "'";
  }
}
