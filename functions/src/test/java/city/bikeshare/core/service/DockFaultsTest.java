package city.bikeshare.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.bikeshare.core.StationState;
import city.bikeshare.core.StationStatus;
import city.platform.BusEvent;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Which report puts a dock fault on the bus: the one that began it, the one that ended it; never the ones between. */
class DockFaultsTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-28T09:00:00+08:00");

  private static StationState state(OffsetDateTime at, String fault, OffsetDateTime since, OffsetDateTime cleared) {
    return new StationState("B1", 5, 5, at, 5, at.minusMinutes(5), fault, since, cleared);
  }

  @Test
  void theReportThatBeginsAFaultPublishesItWithTheFaultsStartAsItsId() {
    BusEvent event = DockFaults.event(new StationStatus("B1", 5, 5, T0, "lock 7 jammed"),
        state(T0, "lock 7 jammed", T0, null), 36.5, 118.5).orElseThrow();
    assertEquals("Dock Fault", event.detailType());
    assertEquals("B1/fault/" + T0.toInstant().toEpochMilli(), event.eventId());
    assertEquals("lock 7 jammed", event.detail().path("fault").asText());
  }

  @Test
  void laterReportsOfTheSameFaultPublishNothingAndTheFirstWithoutOneClearsIt() {
    OffsetDateTime later = T0.plusMinutes(5);
    assertTrue(DockFaults.event(new StationStatus("B1", 5, 5, later, "lock 7 jammed"),
        state(later, "lock 7 jammed", T0, null), 36.5, 118.5).isEmpty());
    BusEvent cleared = DockFaults.event(new StationStatus("B1", 5, 5, later.plusMinutes(5)),
        state(later.plusMinutes(5), null, null, T0), 36.5, 118.5).orElseThrow();
    assertEquals("Dock Fault Cleared", cleared.detailType());
    assertEquals("B1/fault-cleared/" + T0.toInstant().toEpochMilli(), cleared.eventId());
    assertTrue(DockFaults.event(new StationStatus("B1", 5, 5, later.plusMinutes(10)),
        state(later.plusMinutes(10), null, null, null), 36.5, 118.5).isEmpty(), "a healthy dock publishes nothing");
  }
}
