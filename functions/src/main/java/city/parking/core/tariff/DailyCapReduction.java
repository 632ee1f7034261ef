package city.parking.core.tariff;

import java.time.LocalDate;

/** What the daily cap took off one tariff day (the local date on which that tariff day began). */
public record DailyCapReduction(LocalDate tariffDay, long uncappedFen, long reductionFen) {
}
