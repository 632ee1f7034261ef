package city.dispatch.core;

import java.time.Duration;
import java.time.OffsetDateTime;

/** How long a department has to accept a work order and to resolve it, counted from its report (or its reopening). */
public record Deadlines(Duration acceptWithin, Duration resolveWithin) {
  public OffsetDateTime acceptBy(OffsetDateTime from) {
    return from.plus(acceptWithin);
  }

  public OffsetDateTime resolveBy(OffsetDateTime from) {
    return from.plus(resolveWithin);
  }
}
