package city.parking.core.tariff;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * A recurring local-time window with its own rate lines, e.g. Beijing's day 07:00-21:00 or night 21:00-07:00.
 * A window whose {@code to} is not after {@code from} ends on the next day ({@code from == to} spans 24 hours).
 * A session is cut at window boundaries; increments are counted from the start of each cut piece (segment),
 * while the rate line that prices an increment is chosen by how long after the session's start it begins.
 */
public record ChargingWindow(
        String name,
        DayType days,
        LocalTime from,
        LocalTime to,
        Duration increment,
        UnitRounding rounding,
        List<RateLine> rateLines) {

    public ChargingWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(increment, "increment");
        Objects.requireNonNull(rounding, "rounding");
        rateLines = List.copyOf(rateLines);
        if (increment.isZero() || increment.isNegative()) {
            throw new IllegalArgumentException("increment must be positive: " + increment);
        }
        if (rateLines.isEmpty() || !rateLines.get(0).durationStart().isZero()) {
            throw new IllegalArgumentException("window " + name + ": the first rate line must start at PT0S");
        }
        for (int i = 1; i < rateLines.size(); i++) {
            if (rateLines.get(i).durationStart().compareTo(rateLines.get(i - 1).durationStart()) <= 0) {
                throw new IllegalArgumentException("window " + name + ": rate lines must start in increasing order");
            }
        }
    }

    /** The price of an increment that begins {@code sinceSessionStart} after the session started. */
    public long fenForIncrementStartingAt(Duration sinceSessionStart) {
        long fen = rateLines.get(0).fenPerIncrement();
        for (RateLine line : rateLines) {
            if (line.durationStart().compareTo(sinceSessionStart) > 0) {
                break;
            }
            fen = line.fenPerIncrement();
        }
        return fen;
    }
}
