package city.parking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.parking.api.Wiring;
import city.parking.core.DelegatingSessionStore;
import city.parking.core.ParkingStores;
import city.parking.core.SessionStore;
import city.parking.core.OpsReports;
import city.parking.core.PaymentResult;
import city.parking.core.SpaceStatus;
import city.parking.core.session.Session;
import city.parking.payment.SimulatedPaymentProvider;
import city.platform.BusEvent;
import city.platform.Caller;
import city.testing.MutableClock;
import city.testing.RecordingEventPublisher;
import city.testing.RecordingPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Gaps held and settled after the timeout, late readings correcting unpaid sessions (and refused for paid
 * ones), flapping, plate reads before and after their session, overstay alerts and arrears: the real
 * handlers and the scheduled settlement on dynalite, with a clock the test moves.
 */
class SettlementTest {
  /** Monday 2026-11-23, 11:00 in Shanghai: when the messages arrive. */
  private static final Instant ARRIVAL = Instant.parse("2026-11-23T03:00:00Z");
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
  private static final Caller OWNER = new Caller("citizen-1", "citizen", List.of("京A12345"));
  @RegisterExtension
  static final ParkingDynalite dynalite = new ParkingDynalite();
  private MutableClock clock;
  private ParkingWorld world;
  private RecordingPublisher publisher;

  private String table;

  @BeforeEach
  void freshTable() {
    clock = new MutableClock(ARRIVAL);
    table = dynalite.parkingTable();
    world = new ParkingWorld(dynalite.client(), table, clock);
    publisher = new RecordingPublisher();
  }

  private List<Session> sessions(String spaceId) {
    return world.sessions(spaceId, MONDAY.minusDays(1), MONDAY.plusDays(1));
  }

  /** S2: 10:00 occupied, [2: 10:50 free, missing], 11:00 occupied, 11:40 free. */
  private void historyWithAMissingDeparture(String spaceId) {
    world.occupancy(spaceId, true, "2026-11-23T10:00:00+08:00", 1);
    world.occupancy(spaceId, true, "2026-11-23T11:00:00+08:00", 3);
    world.occupancy(spaceId, false, "2026-11-23T11:40:00+08:00", 4);
  }

  @Test
  void aGapIsHeldUntilTheTimeoutThenSettledOnWhatIsKnownAndMarked() {
    world.occupancy("S1", true, "2026-11-23T10:00:00+08:00", 1);
    world.occupancy("S1", false, "2026-11-23T11:40:00+08:00", 3);

    clock.advance(Duration.ofMinutes(29));
    assertEquals(0, world.settle(publisher).get("gapsSettled"));
    assertTrue(world.session("S1-20261123-1").isOpen(), "held while reading 2 may still come");

    clock.advance(Duration.ofMinutes(2));
    assertEquals(1, world.settle(publisher).get("gapsSettled"));
    Session settled = world.session("S1-20261123-1");
    assertEquals(Optional.of(Instant.parse("2026-11-23T03:40:00Z")), settled.end().map(e -> e.toInstant()));
    assertEquals(1750, settled.amountDue());
    assertTrue(settled.settledWithGap());
    assertEquals(SpaceStatus.FREE, world.stores.spaces().head("Z1", "S1").orElseThrow().status());
  }

  @Test
  void aLateReadingCorrectsTheUnpaidSessionsItTouchesAndSaysSo() {
    historyWithAMissingDeparture("S2");
    clock.advance(Duration.ofMinutes(31));
    world.settle(publisher);
    assertEquals(List.of(1750L), sessions("S2").stream().map(Session::amountDue).toList());

    clock.advance(Duration.ofHours(2));
    world.occupancy("S2", false, "2026-11-23T10:50:00+08:00", 2);

    List<Session> corrected = sessions("S2");
    assertEquals(List.of("S2-20261123-1", "S2-20261123-3"), corrected.stream().map(Session::sessionId).toList());
    // 10:00-10:50: 3 whole quarters in the first hour; 11:00-11:40: 2 quarters, a new session's first hour
    assertEquals(List.of(750L, 500L), corrected.stream().map(Session::amountDue).toList());
    assertTrue(corrected.stream().noneMatch(Session::settledWithGap));
    assertTrue(corrected.stream().allMatch(s -> s.correction().orElse("").startsWith("corrected by late reading 2")));

    world.occupancy("S2", false, "2026-11-23T10:50:00+08:00", 2);
    assertEquals(corrected, sessions("S2"), "the same late reading again changes nothing");
  }

  @Test
  void aLateReadingNeverChangesAPaidSessionButSaysWhy() {
    world.plate("C1", "S3", "京A12345", "2026-11-23T10:01:00+08:00", 0.95);
    historyWithAMissingDeparture("S3");
    clock.advance(Duration.ofMinutes(31));
    world.settle(publisher);
    PaymentResult paid = world.payments(new SimulatedPaymentProvider()).pay(OWNER, "S3-20261123-1", "key-1", 1750);
    assertEquals(201, paid.status(), paid.body());

    world.occupancy("S3", false, "2026-11-23T10:50:00+08:00", 2);

    List<Session> after = sessions("S3");
    assertEquals(1, after.size());
    assertEquals(1750, after.get(0).amountDue());
    assertTrue(after.get(0).paid());
    assertTrue(after.get(0).correction().orElseThrow().contains("it is paid: not corrected"), after.get(0).correction().toString());
  }

  /**
   * S7: free at 9:00, [2: occupied 10:00, missing], occupied 10:05, free 11:00: settled as S7-3, 10:05-11:00. The
   * late reading 2 would bill 10:00-11:00 as S7-2 and void S7-3, but S7-3 is paid while the correction runs (after
   * it read the sessions, before its first write). Nothing of the correction may land: S7-2 would bill the stay twice.
   */
  @Test
  void aCorrectionThatMeetsASessionPaidMeanwhileLeavesNothingHalfApplied() {
    world.plate("C1", "S7", "京A12345", "2026-11-23T10:06:00+08:00", 0.95);
    world.occupancy("S7", false, "2026-11-23T09:00:00+08:00", 1);
    world.occupancy("S7", true, "2026-11-23T10:05:00+08:00", 3);
    world.occupancy("S7", false, "2026-11-23T11:00:00+08:00", 4);
    clock.advance(Duration.ofMinutes(31));
    world.settle(publisher);
    assertEquals(List.of("S7-20261123-3"), sessions("S7").stream().map(Session::sessionId).toList());
    assertEquals(750, world.session("S7-20261123-3").amountDue());

    ParkingStores stores = Wiring.stores(dynalite.client(), table);
    AtomicBoolean payFirst = new AtomicBoolean(true);
    SessionStore payingMeanwhile = new DelegatingSessionStore(stores.sessions()) {
      private void citizenPays() {
        if (payFirst.getAndSet(false)) {
          PaymentResult paid = world.payments(new SimulatedPaymentProvider()).pay(OWNER, "S7-20261123-3", "key-1", 750);
          assertEquals(201, paid.status(), paid.body());
        }
      }

      @Override
      public boolean put(Session session) {
        citizenPays();
        return super.put(session);
      }

      @Override
      public boolean hold(Session session, long version, Instant until) {
        citizenPays();
        return super.hold(session, version, until);
      }
    };
    ParkingWorld racing = new ParkingWorld(new ParkingStores(stores.spaces(), payingMeanwhile, stores.plateReads(),
        stores.keys(), stores.intents()), clock);
    clock.advance(Duration.ofHours(1));

    racing.occupancy("S7", true, "2026-11-23T10:00:00+08:00", 2);

    assertFalse(payFirst.get(), "the payment came in during the correction");
    List<Session> after = sessions("S7");
    assertEquals(List.of("S7-20261123-3"), after.stream().map(Session::sessionId).toList(), "no S7-2: " + after);
    assertTrue(after.get(0).paid());
    assertEquals(750, after.get(0).amountDue());
    assertTrue(after.get(0).correction().orElseThrow().contains("it is paid: not corrected"), after.toString());
    assertTrue(world.stores.spaces().head("Z1", "S7").orElseThrow().skipped().isEmpty(), "the reading was dealt with");
  }

  @Test
  void flappingIsNoiseAndBillsNothing() {
    world.occupancy("S4", true, "2026-11-23T10:00:00+08:00", 1);
    world.occupancy("S4", false, "2026-11-23T10:00:40+08:00", 2);

    Session flap = world.session("S4-20261123-1");
    assertTrue(flap.noise());
    assertEquals(0, flap.amountDue());
    assertFalse(flap.billable());
    OpsReports.Summary summary = world.reports().summary(new OpsReports.Period(ARRIVAL.minus(Duration.ofDays(1)), ARRIVAL));
    assertEquals(0, summary.sessions());
    assertEquals(1, summary.noise());
  }

  @Test
  void theHighestConfidenceReadWinsWhetherItComesBeforeOrAfterItsSession() {
    world.plate("C1", "S5", "京B88888", "2026-11-23T09:59:00+08:00", 0.80);
    world.occupancy("S5", true, "2026-11-23T10:00:00+08:00", 1);
    world.occupancy("S5", false, "2026-11-23T11:40:00+08:00", 2);
    assertEquals(Optional.of("京B88888"), world.session("S5-20261123-1").plateNumber());

    world.plate("C1", "S5", "京A12345", "2026-11-23T10:30:00+08:00", 0.95);
    world.plate("C1", "S5", "京C20001", "2026-11-23T10:40:00+08:00", 0.90);
    assertEquals(Optional.of("京A12345"), world.session("S5-20261123-1").plateNumber());

    Map<String, Object> refused = world.plate("C1", "S20", "京A12345", "2026-11-23T10:30:00+08:00", 0.99);
    assertEquals("dead-lettered", refused.get("status"));
    assertEquals("camera C1 does not cover space S20", refused.get("reason"));
  }

  @Test
  void anOverstayIsPublishedOncePerSessionAndRetriedWhenThePublishFails() {
    world.occupancy("S6", true, "2026-11-23T10:00:00+08:00", 1);
    world.plate("C1", "S6", "京A12345", "2026-11-23T10:00:30+08:00", 0.9);
    world.occupancy("S9", true, "2026-11-23T10:30:00+08:00", 1);

    clock.set(Instant.parse("2026-11-23T03:59:00Z")); // 11:59: S6 stayed 119 minutes of Z1's 120
    assertEquals(0, world.settle(publisher).get("overstayAlerts"));
    clock.set(Instant.parse("2026-11-23T04:01:00Z"));
    publisher.failing = true;
    assertEquals(0, world.settle(publisher).get("overstayAlerts"));
    publisher.failing = false;
    assertEquals(1, world.settle(publisher).get("overstayAlerts"));
    assertEquals(0, world.settle(publisher).get("overstayAlerts"), "once per session");

    RecordingPublisher.Sent alert = publisher.sent.get(0);
    assertEquals("parking/enforcement/Z1", alert.topic());
    assertEquals("S6-20261123-1", alert.message().get("sessionId").asText());
    assertEquals("京A12345", alert.message().get("plate").asText());
    assertEquals(120, alert.message().get("maxStayMinutes").asLong());

    clock.set(Instant.parse("2026-11-23T04:31:00Z")); // S9 (Z1 too) passes 120 minutes
    assertEquals(1, world.settle(publisher).get("overstayAlerts"));
    assertEquals("S9-20261123-1", publisher.sent.get(1).message().get("sessionId").asText());
  }

  /** Rule 3's half in parking: the bus event goes before the MQTT alert; a refused publish retries both, same id. */
  @Test
  void anOverstayGoesOnTheCityBusOnceWithTheSessionsIdAndAgainWhenTheBusRefusedIt() {
    world.occupancy("S6", true, "2026-11-23T10:00:00+08:00", 1);
    world.plate("C1", "S6", "京A12345", "2026-11-23T10:00:30+08:00", 0.9);
    RecordingEventPublisher bus = new RecordingEventPublisher();
    clock.set(Instant.parse("2026-11-23T04:01:00Z"));
    bus.failNext.set(1);

    assertEquals(0, world.settle(publisher, bus).get("overstayAlerts"));
    assertEquals(0, publisher.sent.size(), "no MQTT alert while the bus refuses the event");
    clock.set(Instant.parse("2026-11-23T04:06:00Z"));
    assertEquals(1, world.settle(publisher, bus).get("overstayAlerts"));
    assertEquals(0, world.settle(publisher, bus).get("overstayAlerts"));

    assertEquals(1, bus.published.size());
    BusEvent event = bus.published.get(0);
    assertEquals("city.parking", event.source());
    assertEquals("Parking Overstay", event.detailType());
    assertEquals("S6-20261123-1/overstay", event.eventId());
    assertEquals("S6", event.detail().path("spaceId").asText());
    assertEquals("Z1", event.detail().path("zone").asText());
    assertEquals(126, event.detail().path("stayedMinutes").asLong());
    assertTrue(event.detail().path("lat").isNumber() && event.detail().path("lon").isNumber());
    assertTrue(event.detail().path("plate").isMissingNode(), "no plate on the bus: the trail keeps events 30 days");
  }

  @Test
  void unpaidSessionsOlderThanTheArrearsAgeAreListedByPlateUntilPaid() {
    world.plate("C1", "S1", "京A12345", "2026-11-23T10:01:00+08:00", 0.95);
    world.occupancy("S1", true, "2026-11-23T10:00:00+08:00", 1);
    world.occupancy("S1", false, "2026-11-23T11:40:00+08:00", 2);
    world.occupancy("S8", true, "2026-11-23T12:00:00+08:00", 1);
    world.occupancy("S8", false, "2026-11-23T13:00:00+08:00", 2);

    clock.set(Instant.parse("2026-11-30T03:00:00Z")); // 7 days: not older than the age yet
    assertEquals(0, world.settle(publisher).get("arrearsListed"));
    clock.set(Instant.parse("2026-12-01T03:00:00Z"));
    assertEquals(2, world.settle(publisher).get("arrearsListed"));
    Map<Optional<String>, List<Session>> arrears = world.reports().arrears();
    assertEquals(List.of(Optional.of("京A12345"), Optional.empty()), List.copyOf(arrears.keySet()));
    assertEquals(List.of("S8-20261123-1"), arrears.get(Optional.<String>empty()).stream().map(Session::sessionId).toList());

    assertEquals(201, world.payments(new SimulatedPaymentProvider()).pay(OWNER, "S1-20261123-1", "k", 1750).status());
    assertEquals(List.of(Optional.empty()), List.copyOf(world.reports().arrears().keySet()));
  }
}
