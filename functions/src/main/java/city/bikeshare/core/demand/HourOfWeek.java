package city.bikeshare.core.demand;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** Demand repeats weekly: Monday 00:00-01:00 local time is hour 0, Sunday 23:00-24:00 is hour 167. */
public final class HourOfWeek {
  public static final int HOURS = 168;

  private HourOfWeek() {}

  public static int of(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
  }

  /** Start of the local clock hour that contains the instant (not always a UTC hour: some zones are offset by 30 minutes). */
  public static Instant hourStart(Instant instant, ZoneId zone) {
    return instant.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
  }
}
