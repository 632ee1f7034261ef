package city.local.iot;

import java.util.List;

/**
 * An MQTT topic filter as IoT Core reads it in a rule's FROM clause: {@code +} matches exactly one level,
 * a trailing {@code #} matches the parent level and everything below it.
 */
public record TopicFilter(String filter) {
  public TopicFilter {
    List<String> levels = List.of(filter.split("/", -1));
    for (int i = 0; i < levels.size(); i++) {
      String level = levels.get(i);
      if (level.equals("#") && i != levels.size() - 1) {
        throw new IllegalArgumentException("'#' must be the last level of topic filter " + filter);
      }
      if (!level.equals("#") && !level.equals("+") && (level.contains("#") || level.contains("+"))) {
        throw new IllegalArgumentException("wildcards must fill a whole level in topic filter " + filter);
      }
    }
  }

  public boolean matches(String topic) {
    String[] wanted = filter.split("/", -1);
    String[] actual = topic.split("/", -1);
    // MQTT: a wildcard in the first level never matches a reserved ($-prefixed) topic
    if (topic.startsWith("$") && (wanted[0].equals("+") || wanted[0].equals("#"))) {
      return false;
    }
    for (int i = 0; i < wanted.length; i++) {
      if (wanted[i].equals("#")) {
        return true;
      }
      if (i >= actual.length) {
        return false;
      }
      if (!wanted[i].equals("+") && !wanted[i].equals(actual[i])) {
        return false;
      }
    }
    return wanted.length == actual.length;
  }

  @Override
  public String toString() {
    return filter;
  }
}
