package city.local.cost;

import java.math.BigDecimal;

/**
 * One line of a monthly bill: {@code cost} is {@code quantity x unitPrice} rounded to the bill's precision, and
 * the lines add up to the bill's totals exactly. A free tier is its own line, with a negative quantity and cost.
 *
 * @param unit what one {@code quantity} is (the price's unit)
 * @param freeTier empty for usage; {@code always-free} or {@code 12-months} for a free-tier line
 */
public record BillLine(String service, String domain, String item, BigDecimal quantity, String unit,
    BigDecimal unitPrice, BigDecimal cost, boolean fixed, String freeTier, String priceStatus) {}
