package city.local.iot;

import city.catalog.TopicRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules engine of the twin: every message goes through every declared rule's SQL, exactly as IoT Core
 * evaluates it. Pure: it decides, the caller invokes.
 */
public final class RuleRouter {
  private final Map<String, Compiled> rules = new LinkedHashMap<>();
  private final List<TopicFilter> cloudToDevice;

  private record Compiled(TopicRule rule, RuleQuery query) {}

  /**
   * @param cloudToDeviceFilters topics the cloud publishes to devices; a message there that no rule reads
   *     is expected traffic, not a device error
   */
  public RuleRouter(List<TopicRule> rules, List<String> cloudToDeviceFilters) {
    for (TopicRule rule : rules) {
      if (this.rules.put(rule.name(), new Compiled(rule, RuleQuery.parse(rule.sql()))) != null) {
        throw new IllegalArgumentException("topic rule declared twice: " + rule.name());
      }
    }
    this.cloudToDevice = cloudToDeviceFilters.stream().map(TopicFilter::new).toList();
  }

  public Routing route(InboundMessage message) {
    Optional<BasicIngest> ingest = BasicIngest.parse(message.topic());
    if (ingest.isPresent()) {
      try {
        return basicIngest(message, ingest.get());
      } catch (RuntimeException e) {
        return new Routing.Refused("rule " + ingest.get().ruleName() + " could not evaluate the message: " + e);
      }
    }
    List<Routing.RuleMatch> matches = new ArrayList<>();
    for (Compiled compiled : rules.values()) {
      try {
        compiled.query().apply(message, message.topic())
            .ifPresent(event -> matches.add(new Routing.RuleMatch(compiled.rule(), event)));
      } catch (RuntimeException e) {
        return new Routing.Refused("rule " + compiled.rule().name() + " could not evaluate the message: " + e);
      }
    }
    if (!matches.isEmpty()) {
      return new Routing.Matched(List.copyOf(matches));
    }
    boolean toDevice = cloudToDevice.stream().anyMatch(f -> f.matches(message.topic()));
    return new Routing.Unrouted(toDevice);
  }

  private Routing basicIngest(InboundMessage message, BasicIngest ingest) {
    Compiled compiled = rules.get(ingest.ruleName());
    if (compiled == null) {
      return new Routing.Refused("no topic rule named " + ingest.ruleName());
    }
    if (!compiled.query().from().matches(ingest.topic())) {
      return new Routing.Refused("topic does not match rule " + ingest.ruleName());
    }
    return compiled.query().apply(message, ingest.topic())
        .<Routing>map(event -> new Routing.Matched(List.of(new Routing.RuleMatch(compiled.rule(), event))))
        .orElseGet(() -> new Routing.Matched(List.of()));
  }
}
