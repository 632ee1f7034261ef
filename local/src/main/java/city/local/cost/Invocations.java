package city.local.cost;

import city.catalog.Domain;
import city.catalog.FunctionSpec;

/** How often one function runs in a month, and whether that happens with no traffic at all (a schedule). */
record Invocations(FunctionSpec function, Domain domain, Trigger trigger, double perMonth) {
  boolean fixed() {
    return trigger == Trigger.SCHEDULE;
  }
}
