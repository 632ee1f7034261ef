package city.parking.core.tariff;

import java.time.Instant;
import java.util.List;

/**
 * How a fee came about, for receipts and worked examples: the segments with their increments, whether the free
 * period waived everything, and daily-cap reductions. {@code totalFen} = sum of segment fees - cap reductions.
 */
public record FeeBreakdown(
        String tariff,
        String zoneClass,
        Instant start,
        Instant end,
        List<FeeSegment> segments,
        boolean withinFreePeriod,
        List<DailyCapReduction> capReductions,
        long totalFen) {

    public FeeBreakdown {
        segments = List.copyOf(segments);
        capReductions = List.copyOf(capReductions);
    }
}
