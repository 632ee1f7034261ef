package city.parking.core.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * Hand-computed Shenzhen on-street fees. 2024-03-11 is a Monday, 2024-03-15 a Friday, 2024-03-16/17 a weekend;
 * none is a public holiday or make-up working day, so Monday-to-Friday matches the official calendar.
 */
class ShenzhenOnStreetTariffTest {

    private static final Tariff SHENZHEN = TariffPresets.byName("shenzhen-onstreet");
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    private static Instant shenzhen(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private static long fee(String zoneClass, String start, String end) {
        return SHENZHEN.fee(zoneClass, shenzhen(start), shenzhen(end));
    }

    @Test
    void theFirstTenMinutesAreFreeButALongerSessionPaysFromItsStart() {
        assertEquals(0, fee("I", "2024-03-11T10:00", "2024-03-11T10:10"));
        assertTrue(SHENZHEN.breakdown("I", shenzhen("2024-03-11T10:00"), shenzhen("2024-03-11T10:10"))
                .withinFreePeriod());
        // 11 minutes: one started half hour at the first-half-hour price
        assertEquals(300, fee("I", "2024-03-11T10:00", "2024-03-11T10:11"));
    }

    @Test
    void theFirstHalfHourIsCheaperThanLaterHalfHours() {
        assertEquals(300, fee("I", "2024-03-11T10:00", "2024-03-11T10:30"));
        // 31 minutes: 2 started half hours, 300 + 600
        assertEquals(900, fee("I", "2024-03-11T10:00", "2024-03-11T10:31"));
        // 1 h 30: 300 + 2 x 600
        assertEquals(1500, fee("I", "2024-03-11T10:00", "2024-03-11T11:30"));
    }

    @Test
    void halfHoursStartingThreeHoursAfterArrivalCostMore() {
        // 10:00-13:15: 10:00 -> 300; 10:30, 11:00, 11:30, 12:00, 12:30 -> 5 x 600; 13:00 (started) -> 1000
        assertEquals(4300, fee("I", "2024-03-11T10:00", "2024-03-11T13:15"));
    }

    @ParameterizedTest(name = "class {0}: working-day hour {1}, weekend hour {2}")
    @CsvSource({"I, 900, 360", "II, 540, 240", "III, 360, 150"})
    void eachClassHasItsOwnPrices(String zoneClass, long workingDayHour, long weekendHour) {
        // working day 10:00-11:00: first + second half hour. I: 300+600, II: 180+360, III: 120+240
        assertEquals(workingDayHour, fee(zoneClass, "2024-03-11T10:00", "2024-03-11T11:00"));
        // Saturday 10:00-11:00: I: 120+240, II: 90+150, III: 60+90
        assertEquals(weekendHour, fee(zoneClass, "2024-03-16T10:00", "2024-03-16T11:00"));
    }

    @Test
    void weekendsChargeOnlyFrom1000() {
        // Saturday 09:00-10:40: only 10:00-10:40 is charged, 2 started half hours; both begin 60 and 90 min after
        // arrival, so both take the 30 min - 3 h price: 2 x 240
        assertEquals(480, fee("I", "2024-03-16T09:00", "2024-03-16T10:40"));
        // class II: 2 x 150
        assertEquals(300, fee("II", "2024-03-16T09:00", "2024-03-16T10:40"));
        // the same hours on a Monday: 09:00 -> 300, 09:30, 10:00, 10:30 -> 3 x 600
        assertEquals(2100, fee("I", "2024-03-11T09:00", "2024-03-11T10:40"));
        // Sunday before 10:00 is free
        assertEquals(0, fee("I", "2024-03-17T06:00", "2024-03-17T10:00"));
    }

    @Test
    void workingDaysChargeFrom0730To2000() {
        // 07:00-08:00: charged 07:30-08:00, one half hour that begins 30 min after arrival: 600
        assertEquals(600, fee("I", "2024-03-11T07:00", "2024-03-11T08:00"));
        // 19:00-21:00: charged 19:00-20:00: 300 + 600; the evening is free
        assertEquals(900, fee("I", "2024-03-11T19:00", "2024-03-11T21:00"));
    }

    @Test
    void theFreePeriodCountsOnlyChargedTime() {
        // Sunday 19:50-20:30: 10 charged minutes (19:50-20:00), within the free period
        assertEquals(0, fee("I", "2024-03-17T19:50", "2024-03-17T20:30"));
        // 19:49-20:30: 11 charged minutes -> one half hour at 120
        assertEquals(120, fee("I", "2024-03-17T19:49", "2024-03-17T20:30"));
    }

    @Test
    void aSessionFromFridayEveningToSaturdayMorningUsesBothCalendars() {
        // Friday 19:00-20:00: 300 + 600; Saturday 10:00-11:00 begins 15 h after arrival: 2 x 400
        assertEquals(1700, fee("I", "2024-03-15T19:00", "2024-03-16T11:00"));
    }

    @Test
    void theBreakdownShowsTimeOutsideChargingHours() {
        FeeBreakdown breakdown = SHENZHEN.breakdown("I", shenzhen("2024-03-11T19:00"), shenzhen("2024-03-11T21:00"));

        assertEquals(List.of(
                new FeeSegment(shenzhen("2024-03-11T19:00"), shenzhen("2024-03-11T20:00"), Optional.of("working day"),
                        List.of(new UnitCharge(1, HALF_HOUR, 300), new UnitCharge(1, HALF_HOUR, 600))),
                new FeeSegment(shenzhen("2024-03-11T20:00"), shenzhen("2024-03-11T21:00"), Optional.empty(),
                        List.of())),
                breakdown.segments());
        assertFalse(breakdown.withinFreePeriod());
        assertEquals(900, breakdown.totalFen());
    }

    @Test
    void aFreeOvernightSessionIsNotReportedAsWithinTheFreePeriod() {
        FeeBreakdown breakdown = SHENZHEN.breakdown("I", shenzhen("2024-03-11T21:00"), shenzhen("2024-03-12T07:00"));

        assertEquals(0, breakdown.totalFen());
        assertFalse(breakdown.withinFreePeriod());
        assertEquals(Optional.empty(), SHENZHEN.maxStay("II"));
    }
}
