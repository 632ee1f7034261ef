package city.parking.core.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The engine prices runs of increments (one per rate line and tariff day) instead of one object per increment.
 * This checks it against the obvious way, every increment priced and capped one at a time, on random sessions of
 * up to four days: the Beijing and Shenzhen presets (partial unit free, night windows, working days), a capped
 * tariff, and a capped tariff in a zone with daylight saving whose cap resets inside the spring gap.
 */
class RunPricingPropertiesTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final long FOUR_WEEKS_SECONDS = 28L * 24 * 3600;
    private static final long FOUR_DAYS_SECONDS = 4L * 24 * 3600;

    private static Tariff capped(ZoneId zone, LocalTime reset, UnitRounding rounding) {
        ChargingWindow day = new ChargingWindow("day", DayType.ALL_DAYS, LocalTime.of(8, 0), LocalTime.of(22, 0),
                Duration.ofMinutes(15), rounding,
                List.of(new RateLine(Duration.ZERO, 100), new RateLine(Duration.ofMinutes(45), 150),
                        new RateLine(Duration.ofMinutes(170), 150), new RateLine(Duration.ofHours(5), 80)));
        ChargingWindow night = new ChargingWindow("night", DayType.WORKING_DAYS, LocalTime.of(22, 0), LocalTime.of(8, 0),
                Duration.ofMinutes(25), UnitRounding.WHOLE_UNITS_ONLY, List.of(new RateLine(Duration.ZERO, 30)));
        ZoneClassRates rates = new ZoneClassRates(List.of(day, night), Duration.ofMinutes(5),
                Optional.of(new DailyCap(2000, reset)), Optional.empty());
        return new Tariff("capped-" + zone.getId(), zone, WorkingDayCalendar.MONDAY_TO_FRIDAY,
                Map.of("I", rates, "II", rates, "III", rates));
    }

    @Provide
    Arbitrary<Tariff> tariffs() {
        return Arbitraries.of(TariffPresets.byName("beijing-onstreet"), TariffPresets.byName("shenzhen-onstreet"),
                capped(CHINA, LocalTime.of(4, 0), UnitRounding.EVERY_STARTED_UNIT),
                capped(BERLIN, LocalTime.of(2, 30), UnitRounding.EVERY_STARTED_UNIT),
                capped(BERLIN, LocalTime.of(2, 30), UnitRounding.WHOLE_UNITS_ONLY));
    }

    @Provide
    Arbitrary<String> zoneClasses() {
        return Arbitraries.of("I", "II", "III");
    }

    /** Four weeks before each of Europe's 2024 clock changes (31 March, 27 October), Mondays at midnight. */
    @Provide
    Arbitrary<Instant> weeks() {
        return Arbitraries.of(LocalDateTime.parse("2024-03-11T00:00"), LocalDateTime.parse("2024-10-07T00:00"))
                .map(monday -> monday.atZone(CHINA).toInstant());
    }

    @Property(tries = 1000)
    void runs_price_exactly_like_one_increment_at_a_time(
            @ForAll("tariffs") Tariff tariff,
            @ForAll("zoneClasses") String zoneClass,
            @ForAll("weeks") Instant week,
            @ForAll @LongRange(min = 0, max = FOUR_WEEKS_SECONDS) long startOffset,
            @ForAll @LongRange(min = 0, max = FOUR_DAYS_SECONDS) long stay) {
        Instant start = week.plusSeconds(startOffset);
        Instant end = start.plusSeconds(stay);
        FeeBreakdown breakdown = tariff.breakdown(zoneClass, start, end);
        PerIncrement expected = PerIncrement.price(tariff, zoneClass, start, breakdown.segments(), breakdown.withinFreePeriod());

        String session = tariff.name() + " " + zoneClass + " " + start + " .. " + end;
        assertEquals(expected.charges(), breakdown.segments().stream().map(FeeSegment::charges).toList(), session);
        assertEquals(expected.reductions(), breakdown.capReductions(), session);
        assertEquals(expected.totalFen(), breakdown.totalFen(), session);
    }

    /** The engine's former arithmetic: one priced increment per increment, grouped and capped afterwards. */
    private record PerIncrement(List<List<UnitCharge>> charges, List<DailyCapReduction> reductions, long totalFen) {

        private record Priced(Instant start, long fen) {
        }

        static PerIncrement price(Tariff tariff, String zoneClass, Instant sessionStart, List<FeeSegment> segments,
                boolean withinFreePeriod) {
            ZoneClassRates rates = tariff.rates(zoneClass);
            List<List<UnitCharge>> charges = new ArrayList<>();
            List<Priced> all = new ArrayList<>();
            for (FeeSegment segment : segments) {
                List<Priced> increments = new ArrayList<>();
                Optional<ChargingWindow> window = segment.window()
                        .flatMap(name -> rates.windows().stream().filter(w -> w.name().equals(name)).findFirst());
                if (window.isPresent() && !withinFreePeriod) {
                    ChargingWindow w = window.get();
                    long count = w.rounding().units(Duration.between(segment.start(), segment.end()), w.increment());
                    for (long i = 0; i < count; i++) {
                        Instant incrementStart = segment.start().plus(w.increment().multipliedBy(i));
                        increments.add(new Priced(incrementStart,
                                w.fenForIncrementStartingAt(Duration.between(sessionStart, incrementStart))));
                    }
                }
                all.addAll(increments);
                charges.add(group(increments, window.map(ChargingWindow::increment).orElse(Duration.ZERO)));
            }
            long uncapped = all.stream().mapToLong(Priced::fen).sum();
            List<DailyCapReduction> reductions = rates.dailyCap().map(cap -> cap(cap, all, tariff.timeZone())).orElse(List.of());
            return new PerIncrement(charges, reductions,
                    uncapped - reductions.stream().mapToLong(DailyCapReduction::reductionFen).sum());
        }

        private static List<UnitCharge> group(List<Priced> increments, Duration increment) {
            List<UnitCharge> charges = new ArrayList<>();
            for (Priced priced : increments) {
                int last = charges.size() - 1;
                if (last >= 0 && charges.get(last).fenPerUnit() == priced.fen()) {
                    charges.set(last, new UnitCharge(charges.get(last).count() + 1, increment, priced.fen()));
                } else {
                    charges.add(new UnitCharge(1, increment, priced.fen()));
                }
            }
            return charges;
        }

        private static List<DailyCapReduction> cap(DailyCap cap, List<Priced> increments, ZoneId zone) {
            Map<LocalDate, Long> perDay = new TreeMap<>();
            for (Priced priced : increments) {
                LocalDateTime local = LocalDateTime.ofInstant(priced.start(), zone);
                LocalDate day = local.toLocalTime().isBefore(cap.resetTime()) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
                perDay.merge(day, priced.fen(), Long::sum);
            }
            List<DailyCapReduction> reductions = new ArrayList<>();
            perDay.forEach((day, fen) -> {
                if (fen > cap.maxFenPerDay()) {
                    reductions.add(new DailyCapReduction(day, fen, fen - cap.maxFenPerDay()));
                }
            });
            return reductions;
        }
    }
}
