package city.parking.core.tariff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One piece of a session cut at window boundaries; {@code window} is empty for time outside charging hours. */
public record FeeSegment(Instant start, Instant end, Optional<String> window, List<UnitCharge> charges) {

    public FeeSegment {
        charges = List.copyOf(charges);
    }

    public long fen() {
        return charges.stream().mapToLong(UnitCharge::fen).reduce(0L, Math::addExact);
    }
}
