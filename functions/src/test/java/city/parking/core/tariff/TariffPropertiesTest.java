package city.parking.core.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Laws every tariff must obey, checked on both presets and a capped tariff, over four weeks of start times. */
class TariffPropertiesTest {

    private static final Instant MONDAY_MIDNIGHT =
            LocalDateTime.parse("2024-03-04T00:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    private static final long FOUR_WEEKS_SECONDS = 28L * 24 * 3600;
    private static final long THREE_DAYS_SECONDS = 3L * 24 * 3600;

    private static Tariff quarterHourlyWithCap() {
        ChargingWindow daytime = new ChargingWindow("daytime", DayType.ALL_DAYS, LocalTime.of(8, 0),
                LocalTime.of(22, 0), Duration.ofMinutes(15), UnitRounding.EVERY_STARTED_UNIT,
                List.of(new RateLine(Duration.ZERO, 100), new RateLine(Duration.ofMinutes(45), 150)));
        ZoneClassRates rates = new ZoneClassRates(List.of(daytime), Duration.ofMinutes(5),
                Optional.of(new DailyCap(2000, LocalTime.of(4, 0))), Optional.empty());
        return new Tariff("capped", ZoneId.of("Asia/Shanghai"), WorkingDayCalendar.MONDAY_TO_FRIDAY,
                Map.of("I", rates, "II", rates, "III", rates));
    }

    @Provide
    Arbitrary<Tariff> tariffs() {
        return Arbitraries.of(TariffPresets.byName("beijing-onstreet"), TariffPresets.byName("shenzhen-onstreet"),
                quarterHourlyWithCap());
    }

    @Provide
    Arbitrary<String> zoneClasses() {
        return Arbitraries.of("I", "II", "III");
    }

    @Property(tries = 500)
    void staying_longer_never_costs_less(
            @ForAll("tariffs") Tariff tariff,
            @ForAll("zoneClasses") String zoneClass,
            @ForAll @LongRange(min = 0, max = FOUR_WEEKS_SECONDS) long startOffset,
            @ForAll @LongRange(min = 0, max = THREE_DAYS_SECONDS) long shorterStay,
            @ForAll @LongRange(min = 0, max = THREE_DAYS_SECONDS) long extraStay) {
        Instant start = MONDAY_MIDNIGHT.plusSeconds(startOffset);
        long shorterFee = tariff.fee(zoneClass, start, start.plusSeconds(shorterStay));
        long longerFee = tariff.fee(zoneClass, start, start.plusSeconds(shorterStay + extraStay));

        assertTrue(shorterFee <= longerFee, () -> tariff.name() + " " + zoneClass + " from " + start + ": "
                + shorterStay + " s cost " + shorterFee + ", " + (shorterStay + extraStay) + " s cost " + longerFee);
    }

    @Property(tries = 500)
    void segments_tile_the_session_and_add_up_to_the_total(
            @ForAll("tariffs") Tariff tariff,
            @ForAll("zoneClasses") String zoneClass,
            @ForAll @LongRange(min = 0, max = FOUR_WEEKS_SECONDS) long startOffset,
            @ForAll @LongRange(min = 0, max = THREE_DAYS_SECONDS) long stay) {
        Instant start = MONDAY_MIDNIGHT.plusSeconds(startOffset);
        Instant end = start.plusSeconds(stay);
        FeeBreakdown breakdown = tariff.breakdown(zoneClass, start, end);

        Instant cursor = start;
        long segmentSum = 0;
        for (FeeSegment segment : breakdown.segments()) {
            assertEquals(cursor, segment.start());
            assertTrue(segment.end().isAfter(segment.start()));
            assertTrue(segment.fen() >= 0);
            cursor = segment.end();
            segmentSum += segment.fen();
        }
        assertEquals(end, cursor);
        long reductions = breakdown.capReductions().stream().mapToLong(DailyCapReduction::reductionFen).sum();
        assertTrue(reductions >= 0);
        assertEquals(segmentSum - reductions, breakdown.totalFen());
        assertTrue(breakdown.totalFen() >= 0);
    }

    @Property(tries = 300)
    void the_same_stay_a_week_later_costs_the_same(
            @ForAll("tariffs") Tariff tariff,
            @ForAll("zoneClasses") String zoneClass,
            @ForAll @LongRange(min = 0, max = FOUR_WEEKS_SECONDS) long startOffset,
            @ForAll @LongRange(min = 0, max = THREE_DAYS_SECONDS) long stay) {
        Instant start = MONDAY_MIDNIGHT.plusSeconds(startOffset);
        Instant weekLater = start.plus(Duration.ofDays(7));

        assertEquals(tariff.fee(zoneClass, start, start.plusSeconds(stay)),
                tariff.fee(zoneClass, weekLater, weekLater.plusSeconds(stay)));
    }
}
