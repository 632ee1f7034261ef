package city.parking.core.tariff;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The shipped tariffs, by name. Rules and sources are documented in docs/parking.md (Parking tariffs). */
public final class TariffPresets {

    public static final String BEIJING_ONSTREET = "beijing-onstreet";
    public static final String SHENZHEN_ONSTREET = "shenzhen-onstreet";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    private static final Map<String, Tariff> PRESETS = Map.of(
            BEIJING_ONSTREET, beijingOnStreet(),
            SHENZHEN_ONSTREET, shenzhenOnStreet());

    private TariffPresets() {
    }

    public static Tariff byName(String name) {
        Tariff tariff = PRESETS.get(name);
        if (tariff == null) {
            throw new IllegalArgumentException("unknown tariff " + name + "; known: " + names());
        }
        return tariff;
    }

    public static Set<String> names() {
        return new TreeSet<>(PRESETS.keySet());
    }

    private static Tariff beijingOnStreet() {
        return new Tariff(BEIJING_ONSTREET, CHINA, WorkingDayCalendar.MONDAY_TO_FRIDAY, Map.of(
                "I", beijingClass(250, 375),
                "II", beijingClass(150, 225),
                "III", beijingClass(50, 75)));
    }

    /** Day: whole quarter hours, the first-hour price for quarters starting within the session's first hour. */
    private static ZoneClassRates beijingClass(long firstHourFenPerQuarter, long laterFenPerQuarter) {
        ChargingWindow day = new ChargingWindow("day", DayType.ALL_DAYS, LocalTime.of(7, 0), LocalTime.of(21, 0),
                QUARTER_HOUR, UnitRounding.WHOLE_UNITS_ONLY, List.of(
                        new RateLine(Duration.ZERO, firstHourFenPerQuarter),
                        new RateLine(Duration.ofHours(1), laterFenPerQuarter)));
        ChargingWindow night = new ChargingWindow("night", DayType.ALL_DAYS, LocalTime.of(21, 0), LocalTime.of(7, 0),
                Duration.ofHours(2), UnitRounding.WHOLE_UNITS_ONLY, List.of(new RateLine(Duration.ZERO, 100)));
        return new ZoneClassRates(List.of(day, night), Duration.ZERO, Optional.empty(), Optional.empty());
    }

    private static Tariff shenzhenOnStreet() {
        return new Tariff(SHENZHEN_ONSTREET, CHINA, WorkingDayCalendar.MONDAY_TO_FRIDAY, Map.of(
                "I", shenzhenClass(new HalfHourPrices(300, 600, 1000), new HalfHourPrices(120, 240, 400)),
                "II", shenzhenClass(new HalfHourPrices(180, 360, 500), new HalfHourPrices(90, 150, 250)),
                "III", shenzhenClass(new HalfHourPrices(120, 240, 400), new HalfHourPrices(60, 90, 150))));
    }

    /**
     * Per started half hour: first half hour, then up to the third hour, then beyond, each measured from the
     * session's start. Outside the windows parking is free; the first 10 minutes of charged time are a grace period.
     */
    private static ZoneClassRates shenzhenClass(HalfHourPrices workingDay, HalfHourPrices nonWorkingDay) {
        return new ZoneClassRates(List.of(
                new ChargingWindow("working day", DayType.WORKING_DAYS, LocalTime.of(7, 30), LocalTime.of(20, 0),
                        HALF_HOUR, UnitRounding.EVERY_STARTED_UNIT, workingDay.rateLines()),
                new ChargingWindow("non-working day", DayType.NON_WORKING_DAYS, LocalTime.of(10, 0),
                        LocalTime.of(20, 0), HALF_HOUR, UnitRounding.EVERY_STARTED_UNIT, nonWorkingDay.rateLines())),
                Duration.ofMinutes(10), Optional.empty(), Optional.empty());
    }

    /** Shenzhen's three half-hour prices, in fen. */
    private record HalfHourPrices(long firstHalfHour, long upToThreeHours, long beyondThreeHours) {

        List<RateLine> rateLines() {
            return List.of(
                    new RateLine(Duration.ZERO, firstHalfHour),
                    new RateLine(HALF_HOUR, upToThreeHours),
                    new RateLine(Duration.ofHours(3), beyondThreeHours));
        }
    }
}
