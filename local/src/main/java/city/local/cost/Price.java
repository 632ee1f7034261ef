package city.local.cost;

import java.math.BigDecimal;

/**
 * One published (or, in the China regions, possibly unconfirmed) unit price.
 *
 * @param unit what {@code unitPrice} buys, e.g. "1M requests"
 * @param per base quantities (requests, GB-seconds, messages...) in one {@code unit}
 * @param status {@code published} (read from the provider's price page), {@code confirmed} (a China price
 *     found published in CNY) or {@code unconfirmed} (no published CNY figure found: {@code source} says
 *     where the number comes from)
 */
public record Price(String service, String unit, BigDecimal per, BigDecimal unitPrice, String status, String source) {}
