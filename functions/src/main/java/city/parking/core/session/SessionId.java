package city.parking.core.session;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A session's id, derived from what never changes about it: the space, the local date of its start and the
 * seq of the reading that opened it. A redelivered or replayed reading therefore writes the same item.
 * Format {@code <spaceId>-<yyyyMMdd>-<seq>}, e.g. {@code S1-20261128-17}.
 */
public record SessionId(String spaceId, LocalDate startDate, long openSeq) {
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  public static SessionId of(String spaceId, OffsetDateTime start, long openSeq, ZoneId cityZone) {
    return new SessionId(spaceId, start.atZoneSameInstant(cityZone).toLocalDate(), openSeq);
  }

  public static Optional<SessionId> parse(String text) {
    int seqDash = text.lastIndexOf('-');
    int dateDash = seqDash > 0 ? text.lastIndexOf('-', seqDash - 1) : -1;
    if (dateDash <= 0) {
      return Optional.empty();
    }
    try {
      long seq = Long.parseLong(text.substring(seqDash + 1));
      LocalDate date = LocalDate.parse(text.substring(dateDash + 1, seqDash), DATE);
      return seq > 0 ? Optional.of(new SessionId(text.substring(0, dateDash), date, seq)) : Optional.empty();
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return spaceId + "-" + startDate.format(DATE) + "-" + openSeq;
  }
}
