package city.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The topics each device class may use, derived from the catalog: a class publishes to the topics of the
 * rules declared for it (plain and Basic Ingest), and receives the commands the functions publish on topics
 * whose device level sits where one of its rules has it ({@code units/+/dispatch} next to
 * {@code units/+/status}). Topics come back with {@code thing} in the device level.
 */
public final class DeviceTopics {
  /** IoT policy variable: the thing the connected certificate is attached to. */
  public static final String THING = "${iot:Connection.Thing.ThingName}";

  /**
   * @param publish topics the device may publish to
   * @param commands topics the device may subscribe to and receive from
   */
  public record Access(List<String> publish, List<String> commands) {}

  private DeviceTopics() {}

  public static Map<DeviceClass, Access> derive(List<DeviceClass> classes, List<TopicRule> rules,
      List<FunctionSpec> functions, String thing) {
    List<RuleTopic> ruleTopics = rules.stream().map(RuleTopic::of).toList();
    for (TopicRule rule : rules) {
      if (classes.stream().noneMatch(type -> type.wireName().equals(rule.deviceType()))) {
        throw new IllegalArgumentException("rule " + rule.name() + " names unknown device class " + rule.deviceType());
      }
    }
    Map<DeviceClass, Access> access = new LinkedHashMap<>();
    for (DeviceClass type : classes) {
      List<RuleTopic> own = ruleTopics.stream()
          .filter(rule -> rule.deviceType().equals(type.wireName())).toList();
      Set<String> publish = new LinkedHashSet<>();
      for (RuleTopic rule : own) {
        publish.add(rule.topicFor(thing));
        publish.add(rule.basicIngestTopicFor(thing));
      }
      Set<String> commands = new LinkedHashSet<>();
      for (FunctionSpec function : functions) {
        for (String topic : function.publishTopics()) {
          List<String> levels = List.of(topic.split("/", -1));
          own.stream().filter(rule -> rule.sharesDeviceLevel(levels)).findFirst()
              .ifPresent(rule -> commands.add(withDeviceLevel(levels, rule.deviceIdIndex(), thing)));
        }
      }
      access.put(type, new Access(List.copyOf(publish), List.copyOf(commands)));
    }
    return access;
  }

  /** An MQTT topic pattern as an IAM/IoT policy resource: MQTT wildcards become policy wildcards. */
  public static String policyPattern(String mqttPattern) {
    return withDeviceLevel(List.of(mqttPattern.split("/", -1)), -1, null);
  }

  static String withDeviceLevel(List<String> levels, int deviceIndex, String thing) {
    List<String> out = new ArrayList<>(levels.size());
    for (int i = 0; i < levels.size(); i++) {
      String level = levels.get(i);
      if (i == deviceIndex) {
        out.add(thing);
      } else if (level.equals("+") || level.equals("#")) {
        out.add("*");
      } else {
        out.add(level);
      }
    }
    return String.join("/", out);
  }
}
