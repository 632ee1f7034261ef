package city.parking.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.parking.core.session.Payment;
import city.parking.core.session.Session;
import city.parking.core.session.SessionId;
import city.platform.Caller;
import city.platform.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A payment whose invocation dies between the charge and the mark (a timeout after a slow provider answered):
 * the charge is never lost and never refunded twice, whatever the retries do.
 */
class PaymentReconciliationTest {
  private static final Caller OWNER = new Caller("citizen-1", "citizen", List.of("京A12345"));
  private static final String SESSION = "S1-20261123-1";
  private final MemoryParking parking = new MemoryParking(Instant.parse("2026-11-23T04:00:00Z"));
  private final CountingProvider provider = new CountingProvider();
  private PaymentReconciliation reconciliation;

  /** S1 closed: Monday 10:00-11:40, class I, 1750 fen, plate 京A12345. */
  @BeforeEach
  void aClosedSession() {
    parking.plate("C1", "S1", "京A12345", "2026-11-23T10:01:00+08:00", 0.95);
    parking.occupancy("S1", true, "2026-11-23T10:00:00+08:00", 1);
    parking.occupancy("S1", false, "2026-11-23T11:40:00+08:00", 2);
    reconciliation = new PaymentReconciliation(parking.stores.intents(), parking.lookup(), provider);
  }

  private String paymentIdOf(String key) {
    return IdempotentPayment.fresh(OWNER.subject(), key, SESSION, 1750, Instant.EPOCH).paymentId();
  }

  private PaymentIntent intent(String key) {
    return ((MemoryPaymentIntentStore) parking.stores.intents()).get(paymentIdOf(key)).orElseThrow();
  }

  private PaymentReconciliation.Outcome reconcileAfter(Duration wait) {
    parking.clock.advance(wait);
    return reconciliation.reconcile(parking.clock.instant());
  }

  @Test
  void aChargeInterruptedBeforeTheMarkIsRefundedOnceWhenAnotherKeyPaidTheSession() {
    assertThrows(DyingAfterCharge.InvocationDied.class,
        () -> parking.payments(new DyingAfterCharge(provider)).pay(OWNER, SESSION, "app-1", 1750));
    assertEquals(1750, provider.kept(), "charged, and the session is not paid");

    PaymentResult other = parking.payments(provider).pay(OWNER, SESSION, "app-2", 1750);
    PaymentResult retry = parking.payments(provider).pay(OWNER, SESSION, "app-1", 1750);

    assertEquals(201, other.status(), other.body());
    assertEquals(409, retry.status());
    assertEquals("session " + SESSION + " is already paid", Json.parse(retry.body()).get("error").asText());
    assertEquals(3500, provider.kept(), "two charges for one session, until the reconciliation");
    assertEquals(new PaymentReconciliation.Outcome(0, 0, 0), reconcileAfter(Duration.ofMinutes(1)),
        "an intent this young may still belong to a live invocation");

    assertEquals(new PaymentReconciliation.Outcome(1, 1, 0), reconcileAfter(PaymentIntent.RECONCILE_AFTER));
    assertEquals(new PaymentReconciliation.Outcome(0, 0, 0), reconcileAfter(Duration.ofMinutes(15)));

    assertEquals(1, provider.refundCalls.get(), "refunded exactly once");
    assertEquals(1750, provider.kept(), "the session's one payment stays");
    assertEquals(PaymentIntent.State.REFUNDED, intent("app-1").state());
    assertEquals(PaymentIntent.State.PAID, intent("app-2").state());
    assertEquals(paymentIdOf("app-2"), parking.session(SESSION).payment().orElseThrow().paymentId());
  }

  @Test
  void aRetryWithTheSameKeyInsideTheWindowCompletesThePaymentAndNothingIsRefunded() {
    assertThrows(DyingAfterCharge.InvocationDied.class,
        () -> parking.payments(new DyingAfterCharge(provider)).pay(OWNER, SESSION, "app-1", 1750));
    parking.clock.advance(Duration.ofSeconds(30));

    PaymentResult retry = parking.payments(provider).pay(OWNER, SESSION, "app-1", 1750);

    assertEquals(201, retry.status(), retry.body());
    assertEquals(new PaymentReconciliation.Outcome(0, 0, 0), reconcileAfter(Duration.ofHours(1)));
    assertEquals(0, provider.refundCalls.get());
    assertEquals(1750, provider.kept());
    assertEquals(PaymentIntent.State.PAID, intent("app-1").state());
  }

  @Test
  void aRetryWithTheSameKeyAfterTheWindowDoesNotChargeAndTheReconciliationRefunds() {
    assertThrows(DyingAfterCharge.InvocationDied.class,
        () -> parking.payments(new DyingAfterCharge(provider)).pay(OWNER, SESSION, "app-1", 1750));
    parking.clock.advance(PaymentIntent.CHARGE_WINDOW);

    PaymentResult late = parking.payments(provider).pay(OWNER, SESSION, "app-1", 1750);

    assertEquals(409, late.status(), late.body());
    assertTrue(Json.parse(late.body()).get("error").asText().contains("pay again with a new Idempotency-Key"));
    assertEquals(1, provider.chargeCalls.get(), "the late retry charged nothing");
    assertEquals(new PaymentReconciliation.Outcome(1, 1, 0), reconcileAfter(PaymentIntent.RECONCILE_AFTER));
    assertEquals(0, provider.kept());
    assertEquals(201, parking.payments(provider).pay(OWNER, SESSION, "app-2", 1750).status(), "a new key pays");
    assertEquals(1750, provider.kept());
  }

  @Test
  void aPaymentInterruptedAfterTheMarkKeepsItsMoneyAndItsIntentIsClosedAsPaid() {
    SessionStore dyingAfterMark = new DelegatingSessionStore(parking.stores.sessions()) {
      @Override
      public Optional<Session> pay(String zone, SessionId id, Payment payment) {
        super.pay(zone, id, payment);
        throw new DyingAfterCharge.InvocationDied("Task timed out after 10.00 seconds");
      }
    };
    Payments payments = new Payments(parking.lookup(), dyingAfterMark, parking.stores.keys(), parking.stores.intents(),
        provider, parking.clock);
    assertThrows(DyingAfterCharge.InvocationDied.class, () -> payments.pay(OWNER, SESSION, "app-1", 1750));

    assertEquals(new PaymentReconciliation.Outcome(1, 0, 1), reconcileAfter(PaymentIntent.RECONCILE_AFTER.plusMinutes(1)));
    assertEquals(0, provider.refundCalls.get());
    assertEquals(1750, provider.kept());
    assertEquals(PaymentIntent.State.PAID, intent("app-1").state());
  }

  @Test
  void aRunThatDiesMidRefundLeavesItClaimedAndALaterRunFinishesIt() {
    assertThrows(DyingAfterCharge.InvocationDied.class,
        () -> parking.payments(new DyingAfterCharge(provider)).pay(OWNER, SESSION, "app-1", 1750));
    parking.clock.advance(PaymentIntent.RECONCILE_AFTER.plusMinutes(1));
    PaymentProvider refundDies = new PaymentProvider() {
      @Override
      public String name() {
        return provider.name();
      }

      @Override
      public Charge charge(String paymentId, String sessionId, long amountFen) {
        throw new AssertionError("the reconciliation never charges");
      }

      @Override
      public void refund(String paymentId, long amountFen) {
        throw new DyingAfterCharge.InvocationDied("Task timed out after 60.00 seconds");
      }
    };
    PaymentReconciliation dying = new PaymentReconciliation(parking.stores.intents(), parking.lookup(), refundDies);
    assertThrows(DyingAfterCharge.InvocationDied.class, () -> dying.reconcile(parking.clock.instant()));
    assertEquals(PaymentIntent.State.REFUNDING, intent("app-1").state());

    assertEquals(new PaymentReconciliation.Outcome(1, 0, 0), reconcileAfter(Duration.ofMinutes(1)),
        "a claim this young may belong to a run still refunding");
    assertEquals(new PaymentReconciliation.Outcome(1, 1, 0), reconcileAfter(PaymentReconciliation.REFUND_LEASE));
    assertEquals(1, provider.refundCalls.get());
    assertEquals(0, provider.kept());
    assertEquals(PaymentIntent.State.REFUNDED, intent("app-1").state());
  }

  @Test
  void aDeclinedChargeLeavesNothingToReconcile() {
    PaymentResult declined = parking.payments(new PaymentProvider() {
      @Override
      public String name() {
        return "declining";
      }

      @Override
      public Charge charge(String paymentId, String sessionId, long amountFen) {
        return Charge.declined("card expired");
      }

      @Override
      public void refund(String paymentId, long amountFen) {
        throw new AssertionError("nothing was charged");
      }
    }).pay(OWNER, SESSION, "app-1", 1750);

    assertEquals(402, declined.status());
    assertEquals(PaymentIntent.State.DECLINED, intent("app-1").state());
    assertEquals(new PaymentReconciliation.Outcome(0, 0, 0), reconcileAfter(PaymentIntent.RECONCILE_AFTER.plusMinutes(1)));
  }
}
