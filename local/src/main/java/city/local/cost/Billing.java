package city.local.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage to bill, a pure function. Usage is summed per domain, item and fixed/variable; each sum is rounded
 * to whole units where the provider bills whole units, converted to the price's unit and priced. Free tiers
 * are applied per account as the provider applies them, to the fixed usage first (so the fixed total is what
 * an idle city pays), each as its own negative line in the domain {@value #ACCOUNT}. An item of the public
 * contract that nothing uses still gets a zero line.
 */
public final class Billing {
  /** Money is kept to a millionth of the currency: small enough that a line of a few requests is not zero. */
  public static final int MONEY_SCALE = 6;
  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(MONEY_SCALE);
  static final String ACCOUNT = "account";

  private Billing() {}

  public static Bill bill(String scenario, String region, RegionPrices prices, List<Usage> usage,
      boolean twelveMonthFreeTier) {
    Map<Key, Double> summed = new LinkedHashMap<>();
    usage.forEach(u -> summed.merge(new Key(u.domain(), u.item(), u.fixed()), u.quantity(), Double::sum));
    List<BillLine> lines = new ArrayList<>();
    Map<String, BigDecimal[]> perItem = new LinkedHashMap<>();
    summed.forEach((key, quantity) -> {
      BigDecimal base = base(key.item(), quantity);
      BigDecimal[] fixedAndVariable = perItem.computeIfAbsent(key.item(), i -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      fixedAndVariable[key.fixed() ? 0 : 1] = fixedAndVariable[key.fixed() ? 0 : 1].add(base);
      if (base.signum() != 0) {
        lines.add(line(prices.price(key.item()), key.domain(), key.item(), base, key.fixed(), ""));
      }
    });
    for (String item : Items.CONTRACT) {
      if (lines.stream().noneMatch(l -> l.item().equals(item))) {
        lines.add(line(prices.price(item), UsageModel.PLATFORM, item, BigDecimal.ZERO, false, ""));
      }
    }
    for (FreeTier free : prices.freeTiers()) {
      if (free.kind().equals(FreeTier.FIRST_YEAR) && !twelveMonthFreeTier) {
        continue;
      }
      BigDecimal[] used = perItem.getOrDefault(free.item(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      BigDecimal onFixed = used[0].min(free.quantity());
      BigDecimal onVariable = used[1].min(free.quantity().subtract(onFixed));
      Price price = prices.price(free.item());
      if (onFixed.signum() > 0) {
        lines.add(line(price, ACCOUNT, free.item(), onFixed.negate(), true, free.kind()));
      }
      if (onVariable.signum() > 0) {
        lines.add(line(price, ACCOUNT, free.item(), onVariable.negate(), false, free.kind()));
      }
    }
    lines.sort(Comparator.comparing((BillLine l) -> !l.fixed()).thenComparing(BillLine::service)
        .thenComparing(l -> Items.ALL.indexOf(l.item())).thenComparing(l -> !l.freeTier().isEmpty())
        .thenComparing(BillLine::domain));
    return new Bill(scenario, region, prices.currency(), lines);
  }

  /** The provider bills counted items (requests, units, messages, minutes) whole. */
  private static BigDecimal base(String item, double quantity) {
    BigDecimal exact = BigDecimal.valueOf(quantity);
    return Items.counted(item) ? exact.setScale(0, RoundingMode.HALF_UP) : exact.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
  }

  private static BillLine line(Price price, String domain, String item, BigDecimal base, boolean fixed, String freeTier) {
    BigDecimal quantity = base.divide(price.per());
    if (quantity.scale() < 0) {
      quantity = quantity.setScale(0);
    }
    BigDecimal cost = quantity.multiply(price.unitPrice()).setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
    return new BillLine(price.service(), domain, item, quantity, price.unit(), price.unitPrice(), cost, fixed, freeTier,
        price.status());
  }

  private record Key(String domain, String item, boolean fixed) {}
}
