package city.local.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * One ops console left open all day as a wall display: it asks for the city snapshot ({@code GET /ops/snapshot})
 * every {@value #REFRESH_SECONDS} s, day and night. A 304 saves the transfer, not the work (the function still reads
 * the city to know nothing changed), so every refresh is priced as one snapshot request.
 *
 * @param requestsPerMonth snapshot requests of a 30-day month
 * @param cost what they cost a month, in the region's currency, at list prices without free tiers
 */
public record WallDisplay(long requestsPerMonth, BigDecimal cost) {
  /** The console's refresh period (web/console/console.js, REFRESH_MS). */
  public static final int REFRESH_SECONDS = 2;
  static final String SNAPSHOT_FUNCTION = "CitySnapshot";

  /** Priced from the snapshot function's cost per 1,000 requests; empty when the scenario opens no console. */
  static Optional<WallDisplay> of(List<EventCost> eventCosts) {
    long requests = 24L * 3600 / REFRESH_SECONDS * Demand.DAYS_PER_MONTH;
    return eventCosts.stream().filter(c -> c.functionId().equals(SNAPSHOT_FUNCTION)).findFirst()
        .map(c -> new WallDisplay(requests, c.costPer1000().multiply(BigDecimal.valueOf(requests))
            .divide(BigDecimal.valueOf(1000), Billing.MONEY_SCALE, RoundingMode.HALF_UP)));
  }
}
