package city.local.cost;

import java.math.BigDecimal;

/**
 * A free allowance as the provider applies it: per account and month, on the usage of one item.
 *
 * @param quantity in the item's base quantity (requests, GB-seconds, alarms...)
 * @param kind {@code always-free} or {@code 12-months} (only for the first year of an account; applied only
 *     when the scenario says so)
 */
public record FreeTier(String item, BigDecimal quantity, String kind, String status, String source) {
  public static final String ALWAYS = "always-free";
  public static final String FIRST_YEAR = "12-months";
}
