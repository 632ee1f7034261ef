package city.local.cost;

import java.math.BigDecimal;

/** The CNY/USD rate the bill converts with; configurable, because it moves and the table's date says when it was right. */
public record Conversion(BigDecimal cnyPerUsd, String date, String source) {}
