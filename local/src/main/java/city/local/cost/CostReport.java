package city.local.cost;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An estimate as {@code ./city cost} prints it: a table for people, or {@code --json} for machines (a public contract). */
public final class CostReport {
  private static final ObjectMapper JSON = StrictJson.MAPPER.copy()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private CostReport() {}

  public static String json(Estimate estimate, List<Target> targets) {
    Bill bill = estimate.bill();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", bill.scenario());
    root.put("region", bill.region());
    root.put("currency", bill.currency());
    root.put("monthly", totals(bill.fixed(), bill.variable(), bill.total()));
    root.put("monthlyUsd", totals(estimate.usd(bill.fixed()), estimate.usd(bill.variable()), estimate.totalUsd()));
    root.put("monthlyCny", totals(estimate.cny(bill.fixed()), estimate.cny(bill.variable()), estimate.totalCny()));
    root.put("yearlyShareOfCountyBudget", estimate.yearlyShareOfCountyBudget());
    root.put("countyYearlyBudgetCny", Estimate.COUNTY_YEARLY_BUDGET_CNY);
    root.put("conversion", estimate.conversion());
    root.put("pricesDated", estimate.prices().pricesDated());
    root.put("lambdaArchitecture", estimate.prices().lambdaArchitecture());
    root.put("byService", bill.byService());
    root.put("byDomain", bill.byDomain());
    root.put("perThousandEvents", estimate.eventCosts());
    WallDisplay.of(estimate.eventCosts()).ifPresent(wall -> root.put("consoleOpenAllDay", wall));
    root.put("assumptions", assumptions(estimate.scenario()));
    List<Map<String, Object>> lines = new ArrayList<>();
    for (BillLine line : bill.lines()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("service", line.service());
      out.put("domain", line.domain());
      out.put("item", line.item());
      out.put("quantity", line.quantity());
      out.put("unit", line.unit());
      out.put("unitPrice", line.unitPrice());
      out.put("cost", line.cost());
      out.put("fixed", line.fixed());
      if (!line.freeTier().isEmpty()) {
        out.put("freeTier", line.freeTier());
      }
      out.put("priceStatus", line.priceStatus());
      lines.add(out);
    }
    root.put("lines", lines);
    root.put("targets", targets);
    root.put("notes", estimate.prices().notes());
    try {
      return JSON.writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write the estimate as JSON", e);
    }
  }

  private static Map<String, Object> totals(BigDecimal fixed, BigDecimal variable, BigDecimal total) {
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("fixed", fixed);
    totals.put("variable", variable);
    totals.put("total", total);
    return totals;
  }

  /** The scenario's workload and assumptions, each with its reason where the scenario gives one. */
  static Map<String, Object> assumptions(Scenario scenario) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("description", scenario.description());
    scenario.city().ifPresent(file -> out.put("cityFile", file));
    out.put("workload", scenario.workload());
    out.put("assumptions", scenario.assumptions());
    out.put("daysPerMonth", Demand.DAYS_PER_MONTH);
    return out;
  }

  public static void text(Estimate estimate, List<Target> targets, PrintStream out) {
    Bill bill = estimate.bill();
    String cur = bill.currency();
    out.printf(Locale.ROOT, "city cost: scenario %s in %s (prices of %s, Lambda %s), a 30-day month, in %s%n",
        bill.scenario(), bill.region(), estimate.prices().pricesDated(), estimate.prices().lambdaArchitecture(), cur);
    out.println("  " + estimate.scenario().description());
    out.println();
    out.printf(Locale.ROOT, "  %-10s %16s %16s   (%s is what the region bills; the other is converted)%n", "monthly",
        "USD", "CNY", cur);
    row(out, "fixed", estimate.usd(bill.fixed()), estimate.cny(bill.fixed()));
    row(out, "variable", estimate.usd(bill.variable()), estimate.cny(bill.variable()));
    row(out, "total", estimate.totalUsd(), estimate.totalCny());
    out.printf(Locale.ROOT, "  a year of it is %s%% of the county's %s yuan a year (CNY/USD %s of %s)%n",
        estimate.yearlyShareOfCountyBudget().movePointRight(2).setScale(4, RoundingMode.HALF_UP).toPlainString(),
        Estimate.COUNTY_YEARLY_BUDGET_CNY.toPlainString(), estimate.conversion().cnyPerUsd().toPlainString(),
        estimate.conversion().date());
    out.println();
    out.println("  by service (" + cur + ")");
    bill.byService().forEach((service, cost) -> out.printf(Locale.ROOT, "    %-14s %14s%n", service, money(cost)));
    out.println("  by domain (" + cur + "; free tiers are the account's)");
    bill.byDomain().forEach((domain, cost) -> out.printf(Locale.ROOT, "    %-14s %14s%n", domain, money(cost)));
    out.println();
    out.println("  cost per 1,000 events (" + cur + ", list prices, no free tier)");
    for (EventCost cost : estimate.eventCosts()) {
      out.printf(Locale.ROOT, "    %-44s %12s a month %12s%n", cost.event(), cost.perMonth().toPlainString(), money(cost.costPer1000()));
    }
    WallDisplay.of(estimate.eventCosts()).ifPresent(wall -> out.printf(Locale.ROOT,
        "    %-44s %12s a month %12s a month%n", "console open all day (snapshot every "
            + WallDisplay.REFRESH_SECONDS + " s)", wall.requestsPerMonth(), money(wall.cost())));
    out.println();
    out.printf(Locale.ROOT, "  %-7s %-11s %-10s %-30s %18s %-24s %14s %14s%n", "", "service", "domain", "item", "quantity",
        "unit", "unit price", "cost");
    for (BillLine line : bill.lines()) {
      String marks = (line.fixed() ? "F" : "V") + (line.freeTier().isEmpty() ? "" : "-free")
          + (line.priceStatus().equals("unconfirmed") ? "?" : "");
      out.printf(Locale.ROOT, "  %-7s %-11s %-10s %-30s %18s %-24s %14s %14s%n", marks, line.service(), line.domain(),
          line.item(), line.quantity().toPlainString(), line.unit(), line.unitPrice().toPlainString(), money(line.cost()));
    }
    out.printf(Locale.ROOT, "  %-140s %14s%n", "total (the lines add up to it exactly)", money(bill.total()));
    out.println("  marks: F fixed (bills with no device and no user), V variable, -free a free tier, ? an unconfirmed price");
    out.println();
    for (Target target : targets) {
      out.printf(Locale.ROOT, "  target %-48s %s (%s USD a month)%n", target.name(), target.holds() ? "holds" : "MISSED",
          money(target.monthlyUsd()));
    }
    estimate.prices().notes().forEach(note -> out.println("  note: " + note));
    out.println("  every assumption and its reason: ./city cost --json (\"assumptions\"), docs/cost.md");
  }

  private static void row(PrintStream out, String name, BigDecimal usd, BigDecimal cny) {
    out.printf(Locale.ROOT, "  %-10s %16s %16s%n", name, money(usd), money(cny));
  }

  private static String money(BigDecimal amount) {
    return amount.setScale(Billing.MONEY_SCALE, RoundingMode.UNNECESSARY).toPlainString();
  }
}
