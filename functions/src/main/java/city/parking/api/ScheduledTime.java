package city.parking.api;

import city.platform.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** A scheduled run's "now": the schedule event's time, so a run can be replayed; the clock without one. */
final class ScheduledTime {
  private ScheduledTime() {}

  static Instant of(Map<String, Object> event, Clock clock) {
    Object time = event == null ? null : event.get("time");
    if (time == null) {
      return clock.instant();
    }
    try {
      return OffsetDateTime.parse(time.toString()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInput("event time must be ISO-8601: " + time);
    }
  }
}
