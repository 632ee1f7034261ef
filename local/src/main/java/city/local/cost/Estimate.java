package city.local.cost;

import city.catalog.Domain;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Workload to usage to bill, for one scenario in one region, with the bill also in USD and CNY and as a
 * share of the county's yearly running budget.
 */
public record Estimate(Scenario scenario, RegionPrices prices, Conversion conversion, List<Usage> usage, Bill bill,
    List<EventCost> eventCosts) {
  /** What the county of the brief spends a year running its command centre. */
  public static final BigDecimal COUNTY_YEARLY_BUDGET_CNY = new BigDecimal("1500000");
  private static final int SHARE_SCALE = 8;

  public static Estimate of(Scenario scenario, UsageProfile profile, List<Domain> domains, PriceBook book, String region) {
    RegionPrices prices = book.region(region);
    List<Usage> usage = UsageModel.usage(scenario, profile, domains, book.deployment());
    Bill bill = Billing.bill(scenario.name(), region, prices, usage, scenario.assumptions().twelveMonthFreeTier());
    return new Estimate(scenario, prices, book.conversion(), usage, bill, EventCosts.of(usage, prices));
  }

  public BigDecimal usd(BigDecimal amount) {
    return switch (bill.currency()) {
      case "USD" -> amount;
      case "CNY" -> amount.divide(conversion.cnyPerUsd(), Billing.MONEY_SCALE, RoundingMode.HALF_EVEN);
      default -> throw new IllegalStateException("unknown currency " + bill.currency());
    };
  }

  public BigDecimal cny(BigDecimal amount) {
    return switch (bill.currency()) {
      case "CNY" -> amount;
      case "USD" -> amount.multiply(conversion.cnyPerUsd()).setScale(Billing.MONEY_SCALE, RoundingMode.HALF_EVEN);
      default -> throw new IllegalStateException("unknown currency " + bill.currency());
    };
  }

  /** Monthly totals converted line by line would not add up after rounding; fixed and variable are converted, total is their sum. */
  public BigDecimal totalUsd() {
    return usd(bill.fixed()).add(usd(bill.variable()));
  }

  public BigDecimal totalCny() {
    return cny(bill.fixed()).add(cny(bill.variable()));
  }

  /** Twelve months of this bill over the county's yearly budget (0.01 is one percent). */
  public BigDecimal yearlyShareOfCountyBudget() {
    return totalCny().multiply(BigDecimal.valueOf(12)).divide(COUNTY_YEARLY_BUDGET_CNY, SHARE_SCALE, RoundingMode.HALF_UP);
  }
}
