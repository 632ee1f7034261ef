package city.parking.core.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-computed Beijing on-street fees; 2024-03-11 is a Monday with no public holiday nearby. */
class BeijingOnStreetTariffTest {

    private static final Tariff BEIJING = TariffPresets.byName("beijing-onstreet");

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private static long fee(String zoneClass, String start, String end) {
        return BEIJING.fee(zoneClass, shanghai(start), shanghai(end));
    }

    @ParameterizedTest(name = "class {0}: 45 min inside the first hour = 3 quarters x {1}")
    @CsvSource({"I, 750", "II, 450", "III, 150"})
    void quartersWithinTheFirstHourCostTheFirstHourPrice(String zoneClass, long expected) {
        // 10:00-10:45: quarters 10:00, 10:15, 10:30 -> 3 x 250 / 150 / 50
        assertEquals(expected, fee(zoneClass, "2024-03-11T10:00", "2024-03-11T10:45"));
    }

    @Test
    void exactlyOneHourIsFourFirstHourQuarters() {
        // 4 x 250
        assertEquals(1000, fee("I", "2024-03-11T10:00", "2024-03-11T11:00"));
    }

    @ParameterizedTest(name = "class {0}: 10:00-11:40 = {1}")
    @CsvSource({"I, 1750", "II, 1050", "III, 350"})
    void quartersAfterTheFirstHourCostTheLaterPriceAndTheFinalPartialQuarterIsFree(String zoneClass, long expected) {
        // 10:00-11:40: 4 first-hour quarters (10:00..10:45) + 2 later quarters (11:00, 11:15); 11:30-11:40 is partial
        // I: 4x250 + 2x375 = 1750; II: 4x150 + 2x225 = 1050; III: 4x50 + 2x75 = 350
        assertEquals(expected, fee(zoneClass, "2024-03-11T10:00", "2024-03-11T11:40"));
    }

    @Test
    void aFinalPartialQuarterIsNotCharged() {
        // 10:00-10:29: one whole quarter (250), the 14 minutes after 10:15 are free
        assertEquals(250, fee("I", "2024-03-11T10:00", "2024-03-11T10:29"));
        // 14 min 59 s: no whole quarter
        assertEquals(0, BEIJING.fee("I", shanghai("2024-03-11T10:00"), shanghai("2024-03-11T10:14:59")));
    }

    @Test
    void zeroLengthAndSubUnitSessionsCostNothing() {
        assertEquals(0, fee("I", "2024-03-11T10:00", "2024-03-11T10:00"));
        assertEquals(0, BEIJING.fee("I", shanghai("2024-03-11T10:00"), shanghai("2024-03-11T10:00:59")));
        // night: 1 h 59 min is no whole 2 hours
        assertEquals(0, fee("I", "2024-03-11T22:00", "2024-03-11T23:59"));
    }

    @Test
    void dayToNightIsCutAt2100() {
        // day 20:30-21:00: 2 first-hour quarters = 500; night 21:00-23:10: one whole 2 h = 100
        assertEquals(600, fee("I", "2024-03-11T20:30", "2024-03-11T23:10"));
        // day 20:00-21:00: 4 x 250 = 1000; night 21:00-22:00: no whole 2 h
        assertEquals(1000, fee("I", "2024-03-11T20:00", "2024-03-11T22:00"));
        // class II: day 20:30-21:00: 2 x 150 = 300; night 21:00-23:10: 1 x 100
        assertEquals(400, fee("II", "2024-03-11T20:30", "2024-03-11T23:10"));
    }

    @Test
    void nightToDayIsCutAt0700AndFirstHourIsCountedFromTheSessionStart() {
        // night 05:00-07:00: 100; day 07:00-08:30: 6 quarters, the session's first hour ended 06:00 -> 6 x 375 = 2250
        assertEquals(2350, fee("I", "2024-03-12T05:00", "2024-03-12T08:30"));
        // night 06:30-07:00: nothing; day quarters 07:00, 07:15 start before 07:30 -> 2 x 150;
        // 07:30, 07:45, 08:00, 08:15 -> 4 x 225; total 300 + 900
        assertEquals(1200, fee("II", "2024-03-12T06:30", "2024-03-12T08:30"));
        // the same in class I: 2 x 250 + 4 x 375 = 500 + 1500
        assertEquals(2000, fee("I", "2024-03-12T06:30", "2024-03-12T08:30"));
        // a quarter starting 07:45 is inside the first hour of a 06:50 session (ends 07:50): 4 x 250
        assertEquals(1000, fee("I", "2024-03-12T06:50", "2024-03-12T08:00"));
    }

    @Test
    void theNightIsOneSegmentAcrossMidnight() {
        // 22:00-06:00 = 8 h -> 4 x 100
        assertEquals(400, fee("I", "2024-03-11T22:00", "2024-03-12T06:00"));
        // 23:00-01:59 = 2 h 59 min -> 1 x 100 (cut at midnight it would be 0 + 0)
        assertEquals(100, fee("III", "2024-03-11T23:00", "2024-03-12T01:59"));
        // a whole night 21:00-07:00 = 10 h -> 5 x 100
        assertEquals(500, fee("II", "2024-03-11T21:00", "2024-03-12T07:00"));
        // class III, evening to morning: day 18:00-21:00: 4 x 50 + 8 x 75 = 800; night 21:00-07:00: 5 x 100 = 500;
        // day 07:00-09:10: 8 whole quarters x 75 = 600 (09:00-09:10 partial)
        assertEquals(1900, fee("III", "2024-03-11T18:00", "2024-03-12T09:10"));
    }

    @ParameterizedTest(name = "class {0}: Monday 10:00 to Wednesday 10:00 = {1}")
    @CsvSource({"I, 42500", "III, 9300"})
    void sessionsOfSeveralDays(String zoneClass, long expected) {
        // Mon day 10:00-21:00 = 44 quarters: 4 first-hour + 40 later
        // Mon night 21:00-07:00 = 5 x 100; Tue day 07:00-21:00 = 56 later quarters; Tue night = 5 x 100;
        // Wed day 07:00-10:00 = 12 later quarters
        // I:   4x250 + 40x375 + 500 + 56x375 + 500 + 12x375 = 1000 + 15000 + 500 + 21000 + 500 + 4500 = 42500
        // III: 4x50  + 40x75  + 500 + 56x75  + 500 + 12x75  =  200 +  3000 + 500 +  4200 + 500 +  900 =  9300
        assertEquals(expected, fee(zoneClass, "2024-03-11T10:00", "2024-03-13T10:00"));
    }

    @Test
    void theBreakdownShowsEachSegmentWithItsQuarters() {
        FeeBreakdown breakdown = BEIJING.breakdown("I", shanghai("2024-03-11T20:00"), shanghai("2024-03-12T00:30"));

        // day 20:00-21:00: 4 x 250; night 21:00-00:30: 3 h 30 -> 1 x 100
        Duration quarter = Duration.ofMinutes(15);
        assertEquals(List.of(
                new FeeSegment(shanghai("2024-03-11T20:00"), shanghai("2024-03-11T21:00"), Optional.of("day"),
                        List.of(new UnitCharge(4, quarter, 250))),
                new FeeSegment(shanghai("2024-03-11T21:00"), shanghai("2024-03-12T00:30"), Optional.of("night"),
                        List.of(new UnitCharge(1, Duration.ofHours(2), 100)))),
                breakdown.segments());
        assertEquals(1100, breakdown.totalFen());
        assertEquals(List.of(), breakdown.capReductions());
    }

    @Test
    void theBreakdownSplitsADaySegmentIntoFirstHourAndLaterQuarters() {
        FeeBreakdown breakdown = BEIJING.breakdown("II", shanghai("2024-03-11T10:00"), shanghai("2024-03-11T11:40"));

        Duration quarter = Duration.ofMinutes(15);
        assertEquals(1, breakdown.segments().size());
        assertEquals(List.of(new UnitCharge(4, quarter, 150), new UnitCharge(2, quarter, 225)),
                breakdown.segments().get(0).charges());
        assertEquals(1050, breakdown.totalFen());
    }

    @Test
    void noMaximumStayAndNoDailyCap() {
        assertEquals(Optional.empty(), BEIJING.maxStay("I"));
        long oneDay = fee("I", "2024-03-11T07:00", "2024-03-12T07:00");
        long oneWeek = fee("I", "2024-03-11T07:00", "2024-03-18T07:00");
        // one day: 4x250 + 52x375 + 5x100 = 1000 + 19500 + 500 = 21000;
        // each further day (no first hour): 56x375 + 500 = 21500
        assertEquals(21000, oneDay);
        assertEquals(21000 + 6 * 21500, oneWeek);
    }

    @Test
    void rejectsUnknownClassesAndReversedSessions() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> fee("IV", "2024-03-11T10:00", "2024-03-11T11:00"));
        assertTrue(unknown.getMessage().contains("IV"));
        assertThrows(IllegalArgumentException.class, () -> fee("I", "2024-03-11T11:00", "2024-03-11T10:00"));
    }
}
