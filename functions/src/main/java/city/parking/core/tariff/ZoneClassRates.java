package city.parking.core.tariff;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one zone class charges. Time outside every window is free.
 * {@code freePeriod}: a session with at most this much time inside charging windows pays nothing; a longer one
 * pays for all of it (a grace period, not a deduction).
 * {@code maxStay} is not priced; it tells enforcement when a session becomes an overstay.
 */
public record ZoneClassRates(
        List<ChargingWindow> windows,
        Duration freePeriod,
        Optional<DailyCap> dailyCap,
        Optional<Duration> maxStay) {

    public ZoneClassRates {
        windows = List.copyOf(windows);
        Objects.requireNonNull(freePeriod, "freePeriod");
        Objects.requireNonNull(dailyCap, "dailyCap");
        Objects.requireNonNull(maxStay, "maxStay");
        if (freePeriod.isNegative()) {
            throw new IllegalArgumentException("freePeriod must not be negative: " + freePeriod);
        }
        maxStay.ifPresent(stay -> {
            if (stay.isZero() || stay.isNegative()) {
                throw new IllegalArgumentException("maxStay must be positive: " + stay);
            }
        });
    }
}
