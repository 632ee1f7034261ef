package city.parking.core.tariff;

import java.time.Duration;

/** A run of consecutive increments at one price, e.g. "4 x 15 min at 250 fen". */
public record UnitCharge(long count, Duration increment, long fenPerUnit) {

    public long fen() {
        return Math.multiplyExact(count, fenPerUnit);
    }
}
