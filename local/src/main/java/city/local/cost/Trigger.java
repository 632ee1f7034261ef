package city.local.cost;

import city.catalog.Domain;
import city.catalog.FunctionSpec;

/** What invokes a function, as the catalog declares it; it decides which services bill besides Lambda. */
enum Trigger {
  /** an IoT topic rule: a device message, the rule and its Lambda action */
  DEVICE,
  /** an HTTP API route */
  HTTP,
  /** an EventBridge Scheduler schedule */
  SCHEDULE,
  /** a rule of the city bus: the event is billed once, when published */
  EVENT,
  /** nothing declared: a Lambda destination of failed events (free to deliver) */
  DESTINATION;

  static Trigger of(FunctionSpec function, Domain domain) {
    String id = function.id();
    if (domain.rules().stream().anyMatch(r -> r.functionId().equals(id))) {
      return DEVICE;
    }
    if (domain.routes().stream().anyMatch(r -> r.functionId().equals(id))) {
      return HTTP;
    }
    if (domain.schedules().stream().anyMatch(s -> s.functionId().equals(id))) {
      return SCHEDULE;
    }
    if (domain.eventRules().stream().anyMatch(r -> r.functionId().equals(id))) {
      return EVENT;
    }
    return DESTINATION;
  }
}
