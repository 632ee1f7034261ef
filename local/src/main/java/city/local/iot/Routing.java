package city.local.iot;

import city.catalog.TopicRule;
import java.util.List;
import java.util.Map;

/** What the rules engine does with one message. */
public sealed interface Routing {
  /** One invocation per rule that fired, with the rule's output columns as the event. */
  record Matched(List<RuleMatch> matches) implements Routing {}

  /** A message the cloud would also not deliver, kept as a dead letter with the reason. */
  record Refused(String reason) implements Routing {}

  /** No rule listens here (cloud-to-device traffic, or a topic nobody routes): nothing happens, as in IoT Core. */
  record Unrouted(boolean cloudToDevice) implements Routing {}

  record RuleMatch(TopicRule rule, Map<String, Object> event) {}
}
