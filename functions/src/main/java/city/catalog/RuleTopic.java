package city.catalog;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a device rule's SQL says about its topic: the filter in FROM and which level carries the device id
 * ({@code topic(n) AS deviceId}). Device policies are derived from this, so a rule and the permission to
 * publish to it cannot drift apart.
 *
 * @param deviceIdIndex zero-based level of the device id in the filter
 */
public record RuleTopic(String ruleName, String deviceType, List<String> filterLevels, int deviceIdIndex) {
  private static final Pattern FROM = Pattern.compile("(?i)\\bFROM\\s+'([^']+)'");
  private static final Pattern DEVICE_ID = Pattern.compile("(?i)\\btopic\\(\\s*(\\d+)\\s*\\)\\s+AS\\s+deviceId\\b");

  public static RuleTopic of(TopicRule rule) {
    Matcher from = FROM.matcher(rule.sql());
    Matcher deviceId = DEVICE_ID.matcher(rule.sql());
    if (!from.find() || !deviceId.find()) {
      throw new IllegalArgumentException("rule " + rule.name() + ": a device rule needs FROM '<filter>' and "
          + "topic(n) AS deviceId so its device policy can be scoped to the thing name: " + rule.sql());
    }
    List<String> levels = List.of(from.group(1).split("/", -1));
    int index = Integer.parseInt(deviceId.group(1)) - 1;
    if (index < 0 || index >= levels.size() || !levels.get(index).equals("+")) {
      throw new IllegalArgumentException("rule " + rule.name() + ": topic(" + (index + 1)
          + ") must be a single-level wildcard (+) of " + from.group(1));
    }
    return new RuleTopic(rule.name(), rule.deviceType(), levels, index);
  }

  public String filter() {
    return String.join("/", filterLevels);
  }

  /** The rule's topic with the device level replaced by {@code thing} and any other wildcard by {@code *}. */
  public String topicFor(String thing) {
    return DeviceTopics.withDeviceLevel(filterLevels, deviceIdIndex, thing);
  }

  /** The Basic Ingest form: a publish straight into the rule, without IoT messaging charges. */
  public String basicIngestTopicFor(String thing) {
    return "$aws/rules/" + ruleName + "/" + topicFor(thing);
  }

  /** True when {@code levels} has the device wildcard at this rule's device level under the same prefix. */
  public boolean sharesDeviceLevel(List<String> levels) {
    return levels.size() > deviceIdIndex
        && levels.get(deviceIdIndex).equals("+")
        && levels.subList(0, deviceIdIndex).equals(filterLevels.subList(0, deviceIdIndex));
  }
}
