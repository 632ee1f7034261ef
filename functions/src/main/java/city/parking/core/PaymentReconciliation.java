package city.parking.core;

import city.parking.core.session.Payment;
import city.parking.core.session.Session;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds every charge whose payment did not end in a paid session: an intent still open
 * {@link PaymentIntent#RECONCILE_AFTER} after it was written belongs to an invocation that died between the
 * charge and the mark (or before the charge: the provider refunds a payment id it never charged as a no-op).
 * If the session holds the payment after all, the intent is closed as paid and the money stays. Claiming the
 * intent for the refund is a conditional write, so two runs never refund one charge twice; a run that dies
 * mid-refund leaves it refunding, and a run after {@link #REFUND_LEASE} asks the provider again (refunds are
 * idempotent per payment id).
 */
public final class PaymentReconciliation {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciliation.class);
  /** Longer than the reconciliation function's 60 s timeout: a claim this old belongs to a run that died. */
  static final Duration REFUND_LEASE = Duration.ofMinutes(2);

  private final PaymentIntentStore intents;
  private final SessionLookup lookup;
  private final PaymentProvider provider;

  public PaymentReconciliation(PaymentIntentStore intents, SessionLookup lookup, PaymentProvider provider) {
    this.intents = intents;
    this.lookup = lookup;
    this.provider = provider;
  }

  /** What one run did: ops read it in the schedule's result and in the log. */
  public record Outcome(int checked, int refunded, int foundPaid) {}

  public Outcome reconcile(Instant now) {
    int checked = 0;
    int refunded = 0;
    int foundPaid = 0;
    for (PaymentIntent intent : intents.unfinished(PaymentIntent.reconcileBefore(now))) {
      checked++;
      String reason = "interrupted before session " + intent.sessionId() + " was marked paid; refunded by the "
          + "reconciliation at " + now;
      if (intent.state() == PaymentIntent.State.REFUNDING && intent.changedAt().isAfter(now.minus(REFUND_LEASE))) {
        continue; // another run claimed it and may be refunding right now
      }
      if (intent.state() == PaymentIntent.State.OPEN) {
        if (paidBy(intent)) {
          if (intents.move(intent.paymentId(), PaymentIntent.State.OPEN, PaymentIntent.State.PAID,
              "the session holds this payment; found by the reconciliation", now)) {
            foundPaid++;
          }
          continue;
        }
        if (!intents.move(intent.paymentId(), PaymentIntent.State.OPEN, PaymentIntent.State.REFUNDING, reason, now)) {
          continue;
        }
      }
      provider.refund(intent.paymentId(), intent.amount());
      // the index is eventually consistent: an intent another run refunded meanwhile is asked again, not counted
      if (intents.move(intent.paymentId(), PaymentIntent.State.REFUNDING, PaymentIntent.State.REFUNDED, reason, now)) {
        refunded++;
        LOG.warn("event=orphanChargeRefunded paymentId={} sessionId={} amountFen={} intentCreatedAt={}",
            intent.paymentId(), intent.sessionId(), intent.amount(), intent.createdAt());
      }
    }
    LOG.info("event=paymentReconciliation checked={} refunded={} foundPaid={}", checked, refunded, foundPaid);
    return new Outcome(checked, refunded, foundPaid);
  }

  private boolean paidBy(PaymentIntent intent) {
    return lookup.find(intent.sessionId()).flatMap(Session::payment).map(Payment::paymentId)
        .filter(intent.paymentId()::equals).isPresent();
  }
}
