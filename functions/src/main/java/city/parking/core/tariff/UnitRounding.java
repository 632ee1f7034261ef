package city.parking.core.tariff;

import java.time.Duration;

/** How a segment's length becomes a count of increments (APDS / DATEX "incrementing rate"). */
public enum UnitRounding {
    /** Only complete increments are charged; a final partial increment is free (floor). */
    WHOLE_UNITS_ONLY,
    /** Every increment that has started is charged in full (ceiling). */
    EVERY_STARTED_UNIT;

    public long units(Duration segment, Duration increment) {
        long whole = segment.toNanos() / increment.toNanos();
        boolean partial = segment.toNanos() % increment.toNanos() != 0;
        return this == EVERY_STARTED_UNIT && partial ? whole + 1 : whole;
    }
}
