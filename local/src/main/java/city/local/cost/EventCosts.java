package city.local.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cost per 1,000 events of each kind: the usage one function's traffic causes, priced without free tiers,
 * per invocation. Scheduled runs are left out: they are the fixed cost, not an event of the city.
 */
final class EventCosts {
  private static final Set<String> NOT_EVENTS = Set.of("connections", "storage", "stack");

  private EventCosts() {}

  static List<EventCost> of(List<Usage> usage, RegionPrices prices) {
    Map<String, Tally> byFunction = new LinkedHashMap<>();
    for (Usage u : usage) {
      if (u.fixed() || NOT_EVENTS.contains(u.source())) {
        continue;
      }
      Tally tally = byFunction.computeIfAbsent(u.source(), s -> new Tally(u.domain()));
      switch (u.item()) {
        case Items.LAMBDA_REQUESTS -> tally.invocations += u.quantity();
        case Items.IOT_RULES -> tally.kind = "device message";
        case Items.HTTP_API_REQUESTS -> tally.kind = "HTTP request";
        default -> { }
      }
      Price price = prices.price(u.item());
      tally.cost += u.quantity() / price.per().doubleValue() * price.unitPrice().doubleValue();
    }
    List<EventCost> costs = new ArrayList<>();
    byFunction.forEach((functionId, tally) -> {
      if (tally.invocations > 0) {
        costs.add(new EventCost(tally.kind + " to " + functionId, functionId, tally.domain,
            BigDecimal.valueOf(tally.invocations).setScale(0, RoundingMode.HALF_UP),
            BigDecimal.valueOf(tally.cost / tally.invocations * 1000).setScale(Billing.MONEY_SCALE, RoundingMode.HALF_UP)));
      }
    });
    return costs;
  }

  private static final class Tally {
    final String domain;
    String kind = "invocation";
    double invocations;
    double cost;

    Tally(String domain) {
      this.domain = domain;
    }
  }
}
