package city.parking.core.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules no shipped preset uses (daily cap, maximum stay) and the model's guards, on small made-up tariffs. */
class TariffEngineTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    /** Around the clock, 100 fen per started hour, at most 500 fen per tariff day starting 08:00. */
    private static Tariff hourlyWithCap() {
        ChargingWindow allDay = new ChargingWindow("all day", DayType.ALL_DAYS, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
                Duration.ofHours(1), UnitRounding.EVERY_STARTED_UNIT, List.of(new RateLine(Duration.ZERO, 100)));
        ZoneClassRates rates = new ZoneClassRates(List.of(allDay), Duration.ZERO,
                Optional.of(new DailyCap(500, LocalTime.of(8, 0))), Optional.of(Duration.ofHours(2)));
        return new Tariff("hourly-with-cap", ZONE, WorkingDayCalendar.MONDAY_TO_FRIDAY, Map.of("A", rates));
    }

    @Test
    void theDailyCapLimitsEachTariffDayStartingAtTheResetTime() {
        FeeBreakdown breakdown = hourlyWithCap().breakdown("A", local("2024-03-11T06:00"), local("2024-03-12T10:00"));

        // hours starting 06:00, 07:00 Monday belong to Sunday's tariff day: 200 (under the cap)
        // hours 08:00 Monday .. 07:00 Tuesday: 24 x 100 = 2400 -> capped at 500, reduction 1900
        // hours 08:00, 09:00 Tuesday: 200
        assertEquals(List.of(new DailyCapReduction(LocalDate.of(2024, 3, 11), 2400, 1900)), breakdown.capReductions());
        assertEquals(200 + 500 + 200, breakdown.totalFen());
    }

    @Test
    void belowTheCapNothingIsReduced() {
        // 06:00-12:00: 2 hours on Sunday's tariff day, 4 on Monday's; neither reaches 500
        assertEquals(600, hourlyWithCap().fee("A", local("2024-03-11T06:00"), local("2024-03-11T12:00")));
    }

    @Test
    void theMaximumStayIsExposedPerZoneClass() {
        assertEquals(Optional.of(Duration.ofHours(2)), hourlyWithCap().maxStay("A"));
        assertThrows(IllegalArgumentException.class, () -> hourlyWithCap().maxStay("B"));
    }

    @Test
    void overlappingWindowsAreReportedNotSilentlyPriced() {
        ChargingWindow morning = new ChargingWindow("morning", DayType.ALL_DAYS, LocalTime.of(8, 0),
                LocalTime.of(12, 0), Duration.ofHours(1), UnitRounding.WHOLE_UNITS_ONLY,
                List.of(new RateLine(Duration.ZERO, 100)));
        ChargingWindow lateMorning = new ChargingWindow("late morning", DayType.ALL_DAYS, LocalTime.of(11, 0),
                LocalTime.of(13, 0), Duration.ofHours(1), UnitRounding.WHOLE_UNITS_ONLY,
                List.of(new RateLine(Duration.ZERO, 200)));
        Tariff overlapping = new Tariff("overlapping", ZONE, WorkingDayCalendar.MONDAY_TO_FRIDAY, Map.of("A",
                new ZoneClassRates(List.of(morning, lateMorning), Duration.ZERO, Optional.empty(), Optional.empty())));

        assertEquals(100, overlapping.fee("A", local("2024-03-11T09:00"), local("2024-03-11T10:00")));
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> overlapping.fee("A", local("2024-03-11T09:00"), local("2024-03-11T12:00")));
        assertTrue(thrown.getMessage().contains("overlap"));
    }

    @Test
    void aHolidayCalendarPlugsIn() {
        LocalDate holidayMonday = LocalDate.of(2024, 3, 11);
        ChargingWindow workingHours = new ChargingWindow("working hours", DayType.WORKING_DAYS, LocalTime.of(9, 0),
                LocalTime.of(17, 0), Duration.ofHours(1), UnitRounding.WHOLE_UNITS_ONLY,
                List.of(new RateLine(Duration.ZERO, 100)));
        ZoneClassRates rates = new ZoneClassRates(List.of(workingHours), Duration.ZERO, Optional.empty(),
                Optional.empty());
        WorkingDayCalendar withHoliday =
                date -> WorkingDayCalendar.MONDAY_TO_FRIDAY.isWorkingDay(date) && !date.equals(holidayMonday);
        Tariff tariff = new Tariff("holidays", ZONE, withHoliday, Map.of("A", rates));

        assertEquals(0, tariff.fee("A", local("2024-03-11T09:00"), local("2024-03-11T12:00")));
        // Tuesday: 3 whole hours
        assertEquals(300, tariff.fee("A", local("2024-03-12T09:00"), local("2024-03-12T12:00")));
    }

    @Test
    void unitRoundingFloorsOrCeils() {
        Duration quarter = Duration.ofMinutes(15);
        assertEquals(0, UnitRounding.WHOLE_UNITS_ONLY.units(Duration.ofMinutes(14), quarter));
        assertEquals(1, UnitRounding.EVERY_STARTED_UNIT.units(Duration.ofMinutes(14), quarter));
        assertEquals(2, UnitRounding.WHOLE_UNITS_ONLY.units(Duration.ofMinutes(30), quarter));
        assertEquals(2, UnitRounding.EVERY_STARTED_UNIT.units(Duration.ofMinutes(30), quarter));
        assertEquals(0, UnitRounding.EVERY_STARTED_UNIT.units(Duration.ZERO, quarter));
    }

    @Test
    void malformedRatesAreRejected() {
        List<RateLine> fromZero = List.of(new RateLine(Duration.ZERO, 100));
        assertThrows(IllegalArgumentException.class, () -> new ChargingWindow("late start", DayType.ALL_DAYS,
                LocalTime.NOON, LocalTime.MIDNIGHT, Duration.ofMinutes(15), UnitRounding.WHOLE_UNITS_ONLY,
                List.of(new RateLine(Duration.ofMinutes(5), 100))));
        assertThrows(IllegalArgumentException.class, () -> new ChargingWindow("unordered", DayType.ALL_DAYS,
                LocalTime.NOON, LocalTime.MIDNIGHT, Duration.ofMinutes(15), UnitRounding.WHOLE_UNITS_ONLY,
                List.of(new RateLine(Duration.ZERO, 100), new RateLine(Duration.ofHours(2), 200),
                        new RateLine(Duration.ofHours(1), 300))));
        assertThrows(IllegalArgumentException.class, () -> new ChargingWindow("no increment", DayType.ALL_DAYS,
                LocalTime.NOON, LocalTime.MIDNIGHT, Duration.ZERO, UnitRounding.WHOLE_UNITS_ONLY, fromZero));
        assertThrows(IllegalArgumentException.class, () -> new RateLine(Duration.ZERO, -1));
        assertThrows(IllegalArgumentException.class, () -> new DailyCap(-1, LocalTime.MIDNIGHT));
        assertThrows(IllegalArgumentException.class, () -> new ZoneClassRates(List.of(), Duration.ZERO,
                Optional.empty(), Optional.of(Duration.ZERO)));
    }

    @Test
    void presetsAreFoundByName() {
        assertEquals(List.of("beijing-onstreet", "shenzhen-onstreet"), List.copyOf(TariffPresets.names()));
        assertEquals("beijing-onstreet", TariffPresets.byName("beijing-onstreet").name());
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> TariffPresets.byName("paris"));
        assertTrue(unknown.getMessage().contains("paris"));
    }
}
