package city.parking.core.tariff;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** A named tariff: rates per zone class, with windows read in the city's time zone. */
public record Tariff(
        String name,
        ZoneId timeZone,
        WorkingDayCalendar workingDays,
        Map<String, ZoneClassRates> zoneClasses) {

    public Tariff {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(workingDays, "workingDays");
        zoneClasses = Map.copyOf(zoneClasses);
        if (zoneClasses.isEmpty()) {
            throw new IllegalArgumentException("tariff " + name + " has no zone classes");
        }
    }

    /** The fee in fen for a session of this zone class from {@code start} (inclusive) to {@code end}. */
    public long fee(String zoneClass, Instant start, Instant end) {
        return breakdown(zoneClass, start, end).totalFen();
    }

    public FeeBreakdown breakdown(String zoneClass, Instant start, Instant end) {
        return TariffEngine.breakdown(this, zoneClass, start, end);
    }

    /** How long a vehicle may stay in this zone class; empty when the tariff sets no limit. */
    public Optional<Duration> maxStay(String zoneClass) {
        return rates(zoneClass).maxStay();
    }

    public ZoneClassRates rates(String zoneClass) {
        ZoneClassRates rates = zoneClasses.get(zoneClass);
        if (rates == null) {
            throw new IllegalArgumentException("tariff " + name + " has no zone class " + zoneClass
                    + "; known: " + new TreeSet<>(zoneClasses.keySet()));
        }
        return rates;
    }
}
