package city.local.cost;

import java.math.BigDecimal;

/**
 * The marginal price of one kind of event at list prices (no free tier): what a thousand more cost.
 *
 * @param event the function and what invokes it
 */
public record EventCost(String event, String functionId, String domain, BigDecimal perMonth, BigDecimal costPer1000) {}
