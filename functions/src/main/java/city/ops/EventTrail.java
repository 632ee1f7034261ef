package city.ops;

import city.platform.BusEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every event of the city bus, kept 30 days: the city's audit trail and the console's live feed. */
public interface EventTrail {
  /** Keeps the event once: the same eventId at the same time again (a redelivery, a republish) adds nothing. */
  void keep(BusEvent event);

  /** Events with {@code from <= time <= to}, newest first, after {@code after} when given. */
  Page page(Instant from, Instant to, Optional<String> source, Optional<String> detailType, int limit,
      Optional<String> after);

  /** @param next where the following page starts; empty on the last page */
  record Page(List<BusEvent> events, Optional<String> next) {}
}
