package city.catalog;

/**
 * An IoT topic rule. The SQL is the single source of truth: CDK deploys it verbatim, the twin evaluates it.
 *
 * @param deviceType wire name of the device class that may publish here; the device id is the rule's
 *     {@code deviceId} column (the thing name in the topic)
 */
public record TopicRule(String name, String sql, String functionId, String deviceType, String description) {

  /** The rule every device topic gets ({@link RuleSql#device}): raw payload, topic, thing name, arrival time. */
  public static TopicRule fromDevices(String name, String topicFilter, DeviceClass publisher, String functionId,
      String description) {
    return new TopicRule(name, RuleSql.device(topicFilter), functionId, publisher.wireName(), description);
  }
}
