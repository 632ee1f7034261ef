package city.local.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** A scenario's monthly bill in one region, in the region's currency. */
public record Bill(String scenario, String region, String currency, List<BillLine> lines) {
  public Bill {
    lines = List.copyOf(lines);
  }

  public BigDecimal fixed() {
    return sum(BillLine::fixed);
  }

  public BigDecimal variable() {
    return sum(line -> !line.fixed());
  }

  public BigDecimal total() {
    return sum(line -> true);
  }

  public Map<String, BigDecimal> byService() {
    return group(BillLine::service);
  }

  public Map<String, BigDecimal> byDomain() {
    return group(BillLine::domain);
  }

  private BigDecimal sum(Predicate<BillLine> which) {
    return lines.stream().filter(which).map(BillLine::cost).reduce(Billing.ZERO, BigDecimal::add);
  }

  private Map<String, BigDecimal> group(Function<BillLine, String> key) {
    Map<String, BigDecimal> groups = new TreeMap<>();
    lines.forEach(line -> groups.merge(key.apply(line), line.cost(), BigDecimal::add));
    return groups;
  }
}
