package city.catalog;

import java.util.List;

/**
 * Everything one domain deploys: tables, functions and the triggers that invoke them, the events it publishes
 * on the city bus and the event rules that invoke its functions.
 */
public record Domain(
    String name,
    List<TableSpec> tables,
    List<FunctionSpec> functions,
    List<TopicRule> rules,
    List<HttpRoute> routes,
    List<Schedule> schedules,
    List<EventType> events,
    List<EventRule> eventRules) {

  public Domain {
    events = List.copyOf(events);
    eventRules = List.copyOf(eventRules);
  }

  /** A domain that neither publishes nor consumes events. */
  public Domain(String name, List<TableSpec> tables, List<FunctionSpec> functions, List<TopicRule> rules,
      List<HttpRoute> routes, List<Schedule> schedules) {
    this(name, tables, functions, rules, routes, schedules, List.of(), List.of());
  }

  /** This domain publishing {@code published} and invoked by {@code consumed}. */
  public Domain withEvents(List<EventType> published, List<EventRule> consumed) {
    return new Domain(name, tables, functions, rules, routes, schedules, published, consumed);
  }
}
