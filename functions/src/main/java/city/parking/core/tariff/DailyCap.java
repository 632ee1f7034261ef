package city.parking.core.tariff;

import java.time.LocalTime;
import java.util.Objects;

/** The most one session pays per tariff day; a tariff day begins at {@code resetTime} local time. */
public record DailyCap(long maxFenPerDay, LocalTime resetTime) {

    public DailyCap {
        Objects.requireNonNull(resetTime, "resetTime");
        if (maxFenPerDay < 0) {
            throw new IllegalArgumentException("maxFenPerDay must not be negative: " + maxFenPerDay);
        }
    }
}
