package city.parking.core.tariff;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Decides which local dates are working days; a holiday calendar plugs in here without touching the engine. */
@FunctionalInterface
public interface WorkingDayCalendar {

    /** Monday to Friday, with no public holidays or make-up working weekends. */
    WorkingDayCalendar MONDAY_TO_FRIDAY =
            date -> date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;

    boolean isWorkingDay(LocalDate date);
}
