package city.local.cost;

import java.math.BigDecimal;
import java.util.List;

/** The product's cost claims: an idle city costs under a dollar a month; Beijing's on-street parking at most 60. */
final class Targets {
  static final String IDLE = "idle";
  static final String BEIJING_PARKING = "beijing-parking";
  static final BigDecimal IDLE_LIMIT_USD = new BigDecimal("1");
  static final BigDecimal BEIJING_LIMIT_USD = new BigDecimal("60");

  private Targets() {}

  static List<Target> of(Estimate idle, Estimate beijingParking) {
    return List.of(
        new Target("idle < 1 USD a month in " + idle.bill().region(),
            idle.totalUsd().compareTo(IDLE_LIMIT_USD) < 0, idle.totalUsd(), IDLE_LIMIT_USD),
        new Target("beijing-parking <= 60 USD a month in " + beijingParking.bill().region(),
            beijingParking.totalUsd().compareTo(BEIJING_LIMIT_USD) <= 0, beijingParking.totalUsd(), BEIJING_LIMIT_USD));
  }
}
