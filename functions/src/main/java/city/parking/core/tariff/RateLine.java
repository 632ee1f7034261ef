package city.parking.core.tariff;

import java.time.Duration;
import java.util.Objects;

/**
 * One price step of a charging window, like a DATEX II / APDS rate line: from {@code durationStart} after the
 * session started, every increment that begins costs {@code fenPerIncrement}, until the next rate line's start.
 */
public record RateLine(Duration durationStart, long fenPerIncrement) {

    public RateLine {
        Objects.requireNonNull(durationStart, "durationStart");
        if (durationStart.isNegative()) {
            throw new IllegalArgumentException("durationStart must not be negative: " + durationStart);
        }
        if (fenPerIncrement < 0) {
            throw new IllegalArgumentException("fenPerIncrement must not be negative: " + fenPerIncrement);
        }
    }
}
