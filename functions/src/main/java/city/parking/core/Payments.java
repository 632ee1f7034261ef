package city.parking.core;

import city.parking.core.session.Payment;
import city.parking.core.session.Session;
import city.platform.Caller;
import city.platform.HttpError;
import city.platform.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pays a session exactly its amount due, once. The Idempotency-Key record is claimed with a conditional
 * put; a payment intent is written before the provider is charged under a payment id derived from the key (so
 * a retry never charges twice); the session is marked paid by a conditional update that holds only while it
 * is unpaid and still owes exactly that amount; then the intent says paid. A charge that loses (someone else
 * paid first, a correction changed the amount) is refunded at once; a charge whose invocation died before
 * the session was marked is refunded by {@link PaymentReconciliation}. The final answer is stored under the
 * key and returned to every retry. No transactions: each step is one conditional single-item write, and every
 * step may be repeated.
 */
public final class Payments {
  private final SessionLookup lookup;
  private final SessionStore sessions;
  private final IdempotencyStore keys;
  private final PaymentIntentStore intents;
  private final PaymentProvider provider;
  private final Clock clock;

  public Payments(SessionLookup lookup, SessionStore sessions, IdempotencyStore keys, PaymentIntentStore intents,
      PaymentProvider provider, Clock clock) {
    this.lookup = lookup;
    this.sessions = sessions;
    this.keys = keys;
    this.intents = intents;
    this.provider = provider;
    this.clock = clock;
  }

  /** What a successful payment answers. */
  public record Receipt(String status, String paymentId, String sessionId, long amount, Instant paidAt,
      String provider, String providerReference) {}

  public PaymentResult pay(Caller caller, String sessionId, String idempotencyKey, long amount) {
    Session session = lookup.owned(caller, sessionId)
        .orElseThrow(() -> HttpError.notFound("no session " + sessionId));
    IdempotentPayment request = IdempotentPayment.fresh(caller.subject(), idempotencyKey, session.sessionId(), amount,
        clock.instant());
    IdempotentPayment claimed = keys.begin(request);
    if (!claimed.sameRequest(request)) {
      throw HttpError.conflict("this Idempotency-Key was used for another request");
    }
    if (claimed.result().isPresent()) {
      return claimed.result().get();
    }
    return keys.complete(claimed, settle(session, claimed));
  }

  private PaymentResult settle(Session session, IdempotentPayment request) {
    String paymentId = request.paymentId();
    if (session.payment().map(Payment::paymentId).filter(paymentId::equals).isPresent()) {
      close(paymentId, PaymentIntent.State.PAID, "the session holds this payment");
      return paid(session);
    }
    // an earlier attempt under this key may have charged before it died: its open intent is the reconciliation's
    Optional<PaymentResult> refusal = refusal(session, request.amount());
    if (refusal.isPresent()) {
      return refusal.get();
    }
    PaymentIntent intent = intents.open(PaymentIntent.open(request, clock.instant()));
    if (intent.state() == PaymentIntent.State.PAID) {
      // a concurrent retry under this key paid after this one read the session: answer what it answers
      Optional<Session> now = lookup.find(session.sessionId())
          .filter(s -> s.payment().map(Payment::paymentId).filter(paymentId::equals).isPresent());
      if (now.isPresent()) {
        return paid(now.get());
      }
    }
    if (!intent.mayCharge(clock.instant())) {
      return intent.state() == PaymentIntent.State.DECLINED
          ? error(402, "payment declined: " + intent.reason().orElse("by the provider"))
          : error(409, "the payment under this Idempotency-Key did not complete and whatever it charged is "
              + "refunded; pay again with a new Idempotency-Key");
    }
    PaymentProvider.Charge charge = provider.charge(paymentId, session.sessionId(), request.amount());
    if (!charge.approved()) {
      close(paymentId, PaymentIntent.State.DECLINED, charge.declineReason());
      return error(402, "payment declined: " + charge.declineReason());
    }
    Payment payment = new Payment(paymentId, request.amount(), clock.instant(), provider.name(), charge.reference());
    Optional<Session> stored = sessions.pay(session.zone(), session.id(), payment);
    if (stored.isPresent()) {
      close(paymentId, PaymentIntent.State.PAID, "the session holds this payment");
      return paid(stored.get());
    }
    provider.refund(paymentId, request.amount());
    close(paymentId, PaymentIntent.State.REFUNDED, "the session changed during payment");
    Session now = lookup.find(session.sessionId()).orElse(session);
    return refusal(now, request.amount()).orElse(error(409, "the session changed during payment; the charge was refunded"));
  }

  /** The end of the intent this invocation opened (a retry may have ended it already: then nothing changes). */
  private void close(String paymentId, PaymentIntent.State end, String reason) {
    intents.move(paymentId, PaymentIntent.State.OPEN, end, reason, clock.instant());
  }

  private static Optional<PaymentResult> refusal(Session session, long amount) {
    if (session.paid()) {
      return Optional.of(error(409, "session " + session.sessionId() + " is already paid"));
    }
    if (session.isOpen()) {
      return Optional.of(error(409, "session " + session.sessionId() + " is still open"));
    }
    if (!session.billable()) {
      return Optional.of(error(409, "session " + session.sessionId() + " has nothing to pay"));
    }
    if (session.amountDue() != amount) {
      return Optional.of(error(409, "the amount due is " + session.amountDue() + " fen, not " + amount));
    }
    return Optional.empty();
  }

  private static PaymentResult paid(Session session) {
    Payment payment = session.payment().orElseThrow();
    return new PaymentResult(201, Json.write(new Receipt("paid", payment.paymentId(), session.sessionId(),
        payment.amount(), payment.paidAt(), payment.provider(), payment.providerReference())));
  }

  private static PaymentResult error(int status, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", reason);
    body.put("status", status);
    return new PaymentResult(status, Json.write(body));
  }
}
