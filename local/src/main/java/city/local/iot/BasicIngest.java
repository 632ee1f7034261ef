package city.local.iot;

import java.util.Optional;

/**
 * A Basic Ingest topic, {@code $aws/rules/<ruleName>/<rest>}: the message goes to that one rule only, which
 * sees {@code <rest>} as the topic (for FROM, {@code topic()} and {@code topic(n)}).
 */
public record BasicIngest(String ruleName, String topic) {
  public static final String PREFIX = "$aws/rules/";

  public static Optional<BasicIngest> parse(String topic) {
    if (!topic.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = topic.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    return slash < 0
        ? Optional.of(new BasicIngest(rest, ""))
        : Optional.of(new BasicIngest(rest.substring(0, slash), rest.substring(slash + 1)));
  }
}
