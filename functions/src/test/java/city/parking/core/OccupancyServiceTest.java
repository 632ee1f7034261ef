package city.parking.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.parking.core.OccupancyService.Outcome;
import city.parking.core.session.Session;
import city.platform.Caller;
import city.platform.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Occupancy readings folded into sessions and gaps settled, on memory stores: in order, redelivered, out of
 * order, with a reading missing past the timeout, and that reading arriving late. Z1 is class I of the
 * Beijing tariff: 10:00-11:40 on a Monday is 1750 fen.
 */
class OccupancyServiceTest {
  /** Monday 2026-11-23, 11:00 in Shanghai: when the messages arrive. */
  private static final Instant ARRIVAL = Instant.parse("2026-11-23T03:00:00Z");
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
  private static final Caller OWNER = new Caller("citizen-1", "citizen", List.of("京A12345"));
  private final MemoryParking parking = new MemoryParking(ARRIVAL);

  private List<Session> closedSessions(String spaceId) {
    return parking.stores.sessions().ofSpace(parking.zoneOf(spaceId), spaceId, MONDAY, MONDAY);
  }

  @Test
  void anArrivalAndADepartureInOrderCloseOneBilledSession() {
    assertEquals(Outcome.APPLIED, parking.occupancy("S1", true, "2026-11-23T10:00:00+08:00", 1));
    assertTrue(parking.session("S1-20261123-1").isOpen());
    assertEquals(SpaceStatus.OCCUPIED, parking.head("S1").status());

    assertEquals(Outcome.APPLIED, parking.occupancy("S1", false, "2026-11-23T11:40:00+08:00", 2));

    Session closed = parking.session("S1-20261123-1");
    assertEquals(Optional.of(Instant.parse("2026-11-23T03:40:00Z")), closed.end().map(e -> e.toInstant()));
    assertEquals(1750, closed.amountDue());
    assertFalse(closed.settledWithGap());
    assertEquals(SpaceStatus.FREE, parking.head("S1").status());
    assertTrue(parking.head("S1").gapSince().isEmpty());
  }

  @Test
  void aSeqFarAheadOfTheSpaceIsRefusedAndLeavesNoPhantomSession() {
    parking.occupancy("S3", false, "2026-11-23T09:00:00+08:00", 1);
    InvalidInput refused = assertThrows(InvalidInput.class,
        () -> parking.occupancy("S3", true, "2026-11-23T10:00:00+08:00", 9223372036854775806L));
    assertTrue(refused.getMessage().contains("parking.maxSeqJump = 10000"), refused.getMessage());
    assertEquals(1, parking.head("S3").lastSeq(), "nothing of the refused reading is kept");

    assertEquals(Outcome.WAITING, parking.occupancy("S3", true, "2026-11-23T10:00:00+08:00", 10_001),
        "a jump of exactly parking.maxSeqJump is a gap to wait for");
  }

  @Test
  void aRedeliveredReadingIsADuplicateAndBillsNothingMore() {
    parking.occupancy("S1", true, "2026-11-23T10:00:00+08:00", 1);
    parking.occupancy("S1", false, "2026-11-23T11:40:00+08:00", 2);
    long version = parking.head("S1").version();

    assertEquals(Outcome.DUPLICATE, parking.occupancy("S1", false, "2026-11-23T11:40:00+08:00", 2));
    assertEquals(Outcome.DUPLICATE, parking.occupancy("S1", true, "2026-11-23T10:00:00+08:00", 1));

    assertEquals(List.of(1750L), closedSessions("S1").stream().map(Session::amountDue).toList());
    assertEquals(version, parking.head("S1").version(), "a duplicate writes nothing");
  }

  @Test
  void aDepartureBeforeItsArrivalWaitsThenBillsWhatInOrderDeliveryBills() {
    assertEquals(Outcome.WAITING, parking.occupancy("S2", false, "2026-11-23T11:40:00+08:00", 2));
    assertEquals(Optional.of(ARRIVAL), parking.head("S2").gapSince());
    assertTrue(closedSessions("S2").isEmpty());

    assertEquals(Outcome.APPLIED, parking.occupancy("S2", true, "2026-11-23T10:00:00+08:00", 1));

    parking.occupancy("S1", true, "2026-11-23T10:00:00+08:00", 1);
    parking.occupancy("S1", false, "2026-11-23T11:40:00+08:00", 2);
    Session shuffled = closedSessions("S2").get(0);
    Session inOrder = closedSessions("S1").get(0);
    assertEquals(List.of(inOrder.start(), inOrder.end(), inOrder.amountDue()),
        List.of(shuffled.start(), shuffled.end(), shuffled.amountDue()));
    assertEquals(parking.head("S1").state().status(), parking.head("S2").state().status());
    assertTrue(parking.stores.spaces().waitingSince(ARRIVAL.plus(Duration.ofDays(1))).isEmpty(), "nothing waits");
  }

  @Test
  void aGapIsHeldUntilTheTimeoutThenSettledOnWhatIsKnownAndMarked() {
    parking.occupancy("S1", true, "2026-11-23T10:00:00+08:00", 1);
    assertEquals(Outcome.WAITING, parking.occupancy("S1", false, "2026-11-23T11:40:00+08:00", 3));

    parking.clock.advance(Duration.ofMinutes(29));
    assertEquals(0, parking.settleGaps());
    assertTrue(parking.session("S1-20261123-1").isOpen(), "held while reading 2 may still come");

    parking.clock.advance(Duration.ofMinutes(2));
    assertEquals(1, parking.settleGaps());
    Session settled = parking.session("S1-20261123-1");
    assertEquals(Optional.of(Instant.parse("2026-11-23T03:40:00Z")), settled.end().map(e -> e.toInstant()));
    assertEquals(1750, settled.amountDue());
    assertTrue(settled.settledWithGap());
    assertEquals(SpaceStatus.FREE, parking.head("S1").status());
    assertEquals(0, parking.settleGaps(), "a settled gap is settled once");
  }

  /** S2: 10:00 occupied, [2: 10:50 free, missing], 11:00 occupied, 11:40 free; settled past the timeout. */
  private void aSettledMissingDeparture(String spaceId) {
    parking.occupancy(spaceId, true, "2026-11-23T10:00:00+08:00", 1);
    parking.occupancy(spaceId, true, "2026-11-23T11:00:00+08:00", 3);
    parking.occupancy(spaceId, false, "2026-11-23T11:40:00+08:00", 4);
    parking.clock.advance(Duration.ofMinutes(31));
    assertEquals(1, parking.settleGaps());
    assertEquals(List.of(1750L), closedSessions(spaceId).stream().map(Session::amountDue).toList());
  }

  @Test
  void aLateReadingCorrectsTheUnpaidSessionsItTouches() {
    aSettledMissingDeparture("S2");
    parking.clock.advance(Duration.ofHours(2));

    assertEquals(Outcome.CORRECTED, parking.occupancy("S2", false, "2026-11-23T10:50:00+08:00", 2));

    List<Session> corrected = closedSessions("S2");
    assertEquals(List.of("S2-20261123-1", "S2-20261123-3"), corrected.stream().map(Session::sessionId).toList());
    // 10:00-10:50: 3 whole quarters in the first hour; 11:00-11:40: 2 quarters, a new session's first hour
    assertEquals(List.of(750L, 500L), corrected.stream().map(Session::amountDue).toList());
    assertTrue(corrected.stream().allMatch(s -> s.correction().orElse("").startsWith("corrected by late reading 2")));
    assertEquals(Outcome.DUPLICATE, parking.occupancy("S2", false, "2026-11-23T10:50:00+08:00", 2));
    assertEquals(corrected, closedSessions("S2"), "the same late reading again changes nothing");
  }

  @Test
  void aLateReadingNeverChangesAPaidSessionButSaysWhy() {
    parking.plate("C1", "S3", "京A12345", "2026-11-23T10:01:00+08:00", 0.95);
    aSettledMissingDeparture("S3");
    PaymentResult paid = parking.payments(new CountingProvider()).pay(OWNER, "S3-20261123-1", "key-1", 1750);
    assertEquals(201, paid.status(), paid.body());

    assertEquals(Outcome.CORRECTION_REFUSED, parking.occupancy("S3", false, "2026-11-23T10:50:00+08:00", 2));

    List<Session> after = closedSessions("S3");
    assertEquals(1, after.size());
    assertEquals(1750, after.get(0).amountDue());
    assertTrue(after.get(0).paid());
    assertTrue(after.get(0).correction().orElseThrow().contains("it is paid: not corrected"));
  }

  @Test
  void theBestCameraReadBecomesThePlateWhetherItComesBeforeOrAfterItsSessionCloses() {
    assertEquals(PlateService.Outcome.WAITING, parking.plate("C1", "S5", "京B88888", "2026-11-23T09:59:00+08:00", 0.80));
    parking.occupancy("S5", true, "2026-11-23T10:00:00+08:00", 1);
    parking.occupancy("S5", false, "2026-11-23T11:00:00+08:00", 2);
    assertEquals(Optional.of("京B88888"), parking.session("S5-20261123-1").plateNumber());

    assertEquals(PlateService.Outcome.ATTACHED, parking.plate("C1", "S5", "京A12345", "2026-11-23T10:30:00+08:00", 0.95));
    assertEquals(Optional.of("京A12345"), parking.session("S5-20261123-1").plateNumber());
    parking.plate("C1", "S5", "京C00000", "2026-11-23T10:40:00+08:00", 0.60);
    assertEquals(Optional.of("京A12345"), parking.session("S5-20261123-1").plateNumber(), "a weaker read loses");
  }
}
