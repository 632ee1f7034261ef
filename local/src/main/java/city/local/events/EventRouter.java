package city.local.events;

import city.catalog.EventRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/**
 * The bus's rules, matched by EventBridge's own engine (event-ruler) on the event exactly as EventBridge delivers
 * it: the patterns are the catalog's text, unchanged.
 */
public final class EventRouter {
  private final Machine machine = new Machine();
  private final Map<String, EventRule> rules = new LinkedHashMap<>();

  public EventRouter(List<EventRule> rules) {
    for (EventRule rule : rules) {
      try {
        machine.addRule(rule.name(), rule.pattern());
      } catch (Exception e) {
        throw new IllegalArgumentException("event rule " + rule.name() + " has a pattern EventBridge would refuse: "
            + e.getMessage(), e);
      }
      this.rules.put(rule.name(), rule);
    }
  }

  /** The rules whose pattern matches the event (its JSON in EventBridge's delivery format), in catalog order. */
  public List<EventRule> matching(String eventJson) {
    List<String> names;
    try {
      names = machine.rulesForJSONEvent(eventJson);
    } catch (Exception e) {
      throw new IllegalArgumentException("not a JSON event: " + e.getMessage(), e);
    }
    return rules.values().stream().filter(rule -> names.contains(rule.name())).toList();
  }
}
