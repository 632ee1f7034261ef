package city.parking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.parking.api.Wiring;
import city.parking.core.IdempotentPayment;
import city.parking.core.MemoryIdempotencyStore;
import city.parking.core.MemoryPaymentIntentStore;
import city.parking.core.MemoryPlateReadStore;
import city.parking.core.MemorySessionStore;
import city.parking.core.MemorySpaceStore;
import city.parking.core.ParkingStores;
import city.parking.core.PaymentIntent;
import city.parking.core.PaymentResult;
import city.parking.core.PlateRead;
import city.parking.core.SpaceHead;
import city.parking.core.SpaceStatus;
import city.parking.core.StoredReading;
import city.parking.core.session.FoldState;
import city.parking.core.session.OccupancyReading;
import city.parking.core.session.Payment;
import city.parking.core.session.PlateCandidate;
import city.parking.core.session.Session;
import city.parking.core.session.SessionId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The memory stores the services' unit tests run on answer every conditional write as the DynamoDB stores do
 * on dynalite: the same calls, the same answers, the same state read back.
 */
class ParkingStoresContractTest {
  private static final OffsetDateTime TEN = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
  private static final SessionId ID = new SessionId("S1", LocalDate.of(2026, 11, 23), 1);
  @RegisterExtension
  static final ParkingDynalite dynalite = new ParkingDynalite();

  private static ParkingStores stores(String kind) {
    return kind.equals("dynalite")
        ? Wiring.stores(dynalite.client(), dynalite.parkingTable())
        : new ParkingStores(new MemorySpaceStore(), new MemorySessionStore(), new MemoryPlateReadStore(),
            new MemoryIdempotencyStore(), new MemoryPaymentIntentStore());
  }

  /** S1 occupied since ten, waiting for a missing reading since 02:00 UTC. */
  private static SpaceHead head(long version) {
    return new SpaceHead("Z1", "S1", SpaceStatus.OCCUPIED, Optional.of(TEN), 2, FoldState.initial(), List.of(),
        Optional.of(Instant.parse("2026-11-23T02:00:00Z")), 0, false, version);
  }

  private static Session closed(long amountDue, long headVersion) {
    return new Session(ID, "Z1", TEN, Optional.of(2L), Optional.of(TEN.plusMinutes(100)), Optional.empty(), amountDue,
        false, false, false, Optional.empty(), Optional.empty(), false, false, headVersion);
  }

  private static PlateCandidate read(String plate, double confidence, int minute, String camera) {
    return new PlateCandidate(plate, confidence, TEN.plusMinutes(minute), camera);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dynalite", "memory"})
  void aHeadIsCreatedOnceAndReplacedOnlyFromTheVersionBefore(String kind) {
    var spaces = stores(kind).spaces();
    assertEquals(List.of(true, false, false, true, false, true),
        List.of(spaces.putHead(head(1)), spaces.putHead(head(1)), spaces.putHead(head(3)), spaces.putHead(head(2)),
            spaces.putHead(head(2)), spaces.putHead(head(3))));
    assertEquals(Optional.of(head(3)), spaces.head("Z1", "S1"));
    assertEquals(List.of(head(3)), spaces.zone("Z1"));
    assertEquals(List.of(), spaces.waitingSince(Instant.parse("2026-11-23T02:00:00Z")));
    assertEquals(List.of(head(3)), spaces.waitingSince(Instant.parse("2026-11-23T02:00:00.001Z")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dynalite", "memory"})
  void aReadingIsKeptOncePerSeqAndListedInSeqOrder(String kind) {
    var spaces = stores(kind).spaces();
    Instant arrived = Instant.parse("2026-11-23T03:00:00Z");
    StoredReading third = new StoredReading(new OccupancyReading("S1", false, TEN.plusMinutes(3), 3), arrived);
    StoredReading second = new StoredReading(new OccupancyReading("S1", true, TEN.plusMinutes(2), 2), arrived);
    assertEquals(List.of(true, true, false), List.of(spaces.keepReading("S1", third), spaces.keepReading("S1", second),
        spaces.keepReading("S1", new StoredReading(third.reading(), arrived.plusSeconds(1)))));
    assertEquals(List.of(second, third), spaces.readings("S1", 1, 3));
    assertEquals(List.of(third), spaces.readings("S1", 3, 9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dynalite", "memory"})
  void aSessionIsNeverReplacedWhenPaidOrByAnOlderComputation(String kind) {
    var sessions = stores(kind).sessions();
    Payment payment = new Payment("pay-1", 1750, Instant.parse("2026-11-23T04:00:00Z"), "test", "REF-1");
    Payment retried = new Payment("pay-1", 1750, Instant.parse("2026-11-23T04:05:00Z"), "test", "REF-1");

    assertEquals(List.of(true, false, false, true), List.of(sessions.put(closed(1750, 3)), sessions.put(closed(1000, 3)),
        sessions.put(closed(1000, 2)), sessions.put(closed(1750, 4))));
    assertTrue(sessions.pay("Z1", ID, new Payment("pay-0", 1000, payment.paidAt(), "test", "REF-0")).isEmpty(),
        "not the amount due");
    Session paid = sessions.pay("Z1", ID, payment).orElseThrow();
    assertEquals(Optional.of(payment), sessions.pay("Z1", ID, retried).flatMap(Session::payment),
        "the same payment again keeps its first time");
    assertTrue(sessions.pay("Z1", ID, new Payment("pay-2", 1750, payment.paidAt(), "test", "REF-2")).isEmpty());
    assertFalse(sessions.put(closed(500, 9)), "a paid session is never rewritten");
    assertFalse(sessions.markArrears(paid));
    assertFalse(sessions.offerPlate("Z1", ID, read("京A12345", 0.99, 1, "C1")));
    assertEquals(Optional.of(paid), sessions.get("Z1", ID));
    assertTrue(sessions.pay("Z1", new SessionId("S2", ID.startDate(), 1), payment).isEmpty(), "no such session");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dynalite", "memory"})
  void aHeldSessionIsNotPaidUntilTheHoldEndsIsReleasedOrTheCorrectionWritesIt(String kind) {
    var sessions = stores(kind).sessions();
    Instant at = Instant.parse("2026-11-23T04:00:00Z");
    Payment payment = new Payment("pay-1", 1750, at, "test", "REF-1");
    sessions.put(closed(1750, 3));

    assertFalse(sessions.hold(closed(1750, 3), 3, at.plusSeconds(60)), "not from an older or the same head");
    assertTrue(sessions.hold(closed(1750, 3), 4, at.plusSeconds(60)));
    assertTrue(sessions.pay("Z1", ID, payment).isEmpty(), "held");
    sessions.release(closed(1750, 3), 5);
    assertTrue(sessions.pay("Z1", ID, payment).isEmpty(), "another correction's release leaves the hold");
    sessions.release(closed(1750, 3), 4);
    assertTrue(sessions.pay("Z1", ID, payment).isPresent(), "released");
    assertFalse(sessions.hold(closed(1750, 3), 9, at.plusSeconds(60)), "a paid session is never held");

    SessionId other = new SessionId("S1", ID.startDate(), 7);
    Session second = new Session(other, "Z1", TEN, Optional.of(8L), Optional.of(TEN.plusMinutes(100)), Optional.empty(),
        1750, false, false, false, Optional.empty(), Optional.empty(), false, false, 3);
    sessions.put(second);
    assertTrue(sessions.hold(second, 4, at.plusSeconds(60)));
    assertTrue(sessions.pay("Z1", other, new Payment("pay-2", 1750, at.plusSeconds(61), "test", "REF-2")).isPresent(),
        "a hold left by an invocation that died ends by itself");
    assertFalse(sessions.hold(new Session(new SessionId("S1", ID.startDate(), 9), "Z1", TEN, Optional.of(10L),
        Optional.of(TEN.plusMinutes(1)), Optional.empty(), 0, false, false, false, Optional.empty(), Optional.empty(),
        false, false, 1), 4, at), "no such session");

    SessionId third = new SessionId("S1", ID.startDate(), 11);
    Session corrected = new Session(third, "Z1", TEN, Optional.of(12L), Optional.of(TEN.plusMinutes(100)),
        Optional.empty(), 1750, false, false, false, Optional.empty(), Optional.empty(), false, false, 3);
    sessions.put(corrected);
    assertTrue(sessions.hold(corrected, 4, at.plusSeconds(60)));
    assertTrue(sessions.put(new Session(third, "Z1", TEN, Optional.of(12L), Optional.of(TEN.plusMinutes(100)),
        Optional.empty(), 1000, false, false, false, Optional.of("corrected"), Optional.empty(), false, false, 4)));
    assertTrue(sessions.pay("Z1", third, new Payment("pay-3", 1000, at, "test", "REF-3")).isPresent(),
        "the correction's put ended the hold");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dynalite", "memory"})
  void aPaymentIntentIsOpenedOnceMovesOnlyFromItsStateAndIsListedUntilFinished(String kind) {
    var intents = stores(kind).intents();
    Instant at = Instant.parse("2026-11-23T04:00:00Z");
    PaymentIntent first = new PaymentIntent("pay-1", "S1-20261123-1", 1750, at, PaymentIntent.State.OPEN, at,
        Optional.empty());
    PaymentIntent later = new PaymentIntent("pay-2", "S1-20261123-1", 1750, at.plusSeconds(5), PaymentIntent.State.OPEN,
        at.plusSeconds(5), Optional.empty());
    Instant moved = at.plusSeconds(30);

    assertEquals(first, intents.open(first));
    assertEquals(first, intents.open(new PaymentIntent("pay-1", "S9-20261123-1", 1, at.plusSeconds(9),
        PaymentIntent.State.OPEN, at.plusSeconds(9), Optional.empty())), "the first one stays");
    intents.open(later);
    assertEquals(List.of(), intents.unfinished(at));
    assertEquals(List.of(first, later), intents.unfinished(at.plusSeconds(6)));

    assertFalse(intents.move("pay-1", PaymentIntent.State.REFUNDING, PaymentIntent.State.REFUNDED, "not refunding", moved));
    assertTrue(intents.move("pay-1", PaymentIntent.State.OPEN, PaymentIntent.State.REFUNDING, "interrupted", moved));
    assertFalse(intents.move("pay-1", PaymentIntent.State.OPEN, PaymentIntent.State.PAID, "claimed by the refund", moved));
    assertTrue(intents.move("pay-2", PaymentIntent.State.OPEN, PaymentIntent.State.PAID, "paid", moved));
    assertFalse(intents.move("pay-9", PaymentIntent.State.OPEN, PaymentIntent.State.PAID, "no such intent", moved));
    assertEquals(List.of(new PaymentIntent("pay-1", "S1-20261123-1", 1750, at, PaymentIntent.State.REFUNDING, moved,
        Optional.of("interrupted"))), intents.unfinished(at.plusSeconds(6)), "a refunding one is still listed");
    assertTrue(intents.move("pay-1", PaymentIntent.State.REFUNDING, PaymentIntent.State.REFUNDED, "refunded", moved));
    assertEquals(List.of(), intents.unfinished(at.plusSeconds(6)));
    assertEquals(PaymentIntent.State.REFUNDED, intents.open(first).state(), "opening it again reads what it became");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dynalite", "memory"})
  void aPlateIsReplacedOnlyByABetterRead(String kind) {
    var sessions = stores(kind).sessions();
    sessions.put(closed(1750, 1));
    PlateCandidate first = read("京B22222", 0.90, 5, "C2");
    assertEquals(List.of(true, false, true, false, true, true, false),
        List.of(sessions.offerPlate("Z1", ID, first),
            sessions.offerPlate("Z1", ID, read("京A11111", 0.80, 1, "C1")),   // less confident
            sessions.offerPlate("Z1", ID, read("京B22222", 0.90, 4, "C2")),   // as confident, earlier
            sessions.offerPlate("Z1", ID, read("京A11111", 0.90, 6, "C1")),   // as confident, later
            sessions.offerPlate("Z1", ID, read("京A11111", 0.90, 4, "C2")),   // same time, plate first in text order
            sessions.offerPlate("Z1", ID, read("京A11111", 0.90, 4, "C1")),   // same plate, camera first
            sessions.offerPlate("Z1", new SessionId("S9", ID.startDate(), 1), first)));
    assertEquals(Optional.of("京A11111"), sessions.get("Z1", ID).flatMap(Session::plate).map(PlateCandidate::plate));
    assertEquals(Optional.of("C1"), sessions.get("Z1", ID).flatMap(Session::plate).map(PlateCandidate::cameraId));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dynalite", "memory"})
  void arrearsListUnpaidSessionsUntilTheyArePaid(String kind) {
    var sessions = stores(kind).sessions();
    Session session = closed(1750, 1);
    sessions.put(session);
    assertTrue(sessions.markArrears(session));
    assertEquals(List.of(ID), sessions.arrears().stream().map(Session::id).toList());
    sessions.pay("Z1", ID, new Payment("pay-1", 1750, Instant.parse("2026-11-23T04:00:00Z"), "test", "REF-1"));
    assertEquals(List.of(), sessions.arrears());
    assertEquals(Optional.empty(), sessions.arrearsCheckedUntil("Z1"));
    sessions.arrearsChecked("Z1", ID.startDate());
    assertEquals(Optional.of(ID.startDate()), sessions.arrearsCheckedUntil("Z1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dynalite", "memory"})
  void aPlateReadIsKeptOnceAndLeavesThePlateIndexWhenSettled(String kind) {
    var reads = stores(kind).plateReads();
    PlateRead read = new PlateRead("C1", "S1", "京A12345", TEN, 0.9);
    PlateRead sameKey = new PlateRead("C1", "S1", "京A12345", TEN, 0.5);
    PlateRead later = new PlateRead("C1", "S1", "京A12345", TEN.plusMinutes(1), 0.8);
    assertEquals(List.of(true, false, true), List.of(reads.keep(read), reads.keep(sameKey), reads.keep(later)));
    assertEquals(List.of(read, later), reads.ofSpace("S1", TEN));
    assertEquals(List.of(later), reads.ofSpace("S1", TEN.plusSeconds(1)));
    reads.settle(read);
    assertEquals(List.of(later), reads.ofPlate("京A12345", TEN.toInstant()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dynalite", "memory"})
  void theFirstRequestClaimsAKeyAndTheFirstResultIsKept(String kind) {
    var keys = stores(kind).keys();
    Instant now = Instant.parse("2026-11-23T04:00:00Z");
    IdempotentPayment first = IdempotentPayment.fresh("citizen-1", "k", ID.toString(), 1750, now);
    IdempotentPayment other = IdempotentPayment.fresh("citizen-1", "k", ID.toString(), 1000, now.plusSeconds(5));

    assertEquals(first, keys.begin(first));
    assertEquals(first, keys.begin(other));
    assertEquals(IdempotentPayment.fresh("citizen-2", "k", ID.toString(), 1000, now),
        keys.begin(IdempotentPayment.fresh("citizen-2", "k", ID.toString(), 1000, now)), "keys are per caller");
    PaymentResult paid = new PaymentResult(201, "{\"status\":\"paid\"}");
    assertEquals(paid, keys.complete(first, paid));
    assertEquals(paid, keys.complete(first, new PaymentResult(402, "{}")));
    assertEquals(Optional.of(paid), keys.begin(first).result());
  }
}
