package city.dispatch.store.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Fixed-width UTC timestamps for sort keys and conditions: {@code Instant.toString()} drops zero fractions,
 * which would sort "…:00Z" after "…:00.5Z".
 */
final class SortableTime {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withZone(ZoneOffset.UTC);

  private SortableTime() {}

  static String of(TemporalAccessor time) {
    return FORMAT.format(Instant.from(time));
  }

  static String month(Instant instant) {
    return MONTH.format(instant);
  }
}
