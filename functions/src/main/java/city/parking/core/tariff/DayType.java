package city.parking.core.tariff;

import java.time.LocalDate;

/** The days on which a charging window opens; the opening date decides, also for windows that run past midnight. */
public enum DayType {
    ALL_DAYS,
    WORKING_DAYS,
    NON_WORKING_DAYS;

    public boolean includes(LocalDate date, WorkingDayCalendar calendar) {
        return switch (this) {
            case ALL_DAYS -> true;
            case WORKING_DAYS -> calendar.isWorkingDay(date);
            case NON_WORKING_DAYS -> !calendar.isWorkingDay(date);
        };
    }
}
