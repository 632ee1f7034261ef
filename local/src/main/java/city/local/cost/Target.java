package city.local.cost;

import java.math.BigDecimal;

/** A cost claim the product makes, and whether this estimate keeps it. */
public record Target(String name, boolean holds, BigDecimal monthlyUsd, BigDecimal limitUsd) {}
