package city.parking.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Written before the provider is asked for money, so a charge whose invocation died (a timeout after the
 * provider answered, before the session was marked paid) is never forgotten: an intent that is still open
 * after {@link #RECONCILE_AFTER} did not end in a paid session, and the scheduled reconciliation refunds it.
 * One per payment id (caller and Idempotency-Key), so every retry finds the same one.
 *
 * @param changedAt when it came into its state
 * @param reason why it is in its state (for ops), once it has left the first one
 */
public record PaymentIntent(
    String paymentId,
    String sessionId,
    long amount,
    Instant createdAt,
    State state,
    Instant changedAt,
    Optional<String> reason) {

  /**
   * How long after the intent a retry may still charge and mark the session paid. Every invocation that
   * starts charging inside this window has ended (the payments function's timeout is 10 s) long before
   * {@link #RECONCILE_AFTER}, so the reconciliation never refunds a charge a live invocation is about to mark.
   */
  public static final Duration CHARGE_WINDOW = Duration.ofMinutes(2);
  /** When an open intent is taken for interrupted: the charge window, the function timeout, and a wide margin. */
  public static final Duration RECONCILE_AFTER = Duration.ofMinutes(10);

  public enum State {
    /** A charge may have been made; the session is not known to be paid by it. */
    OPEN,
    /** The session holds this payment: the money stays. */
    PAID,
    /** The provider declined: nothing was taken. */
    DECLINED,
    /** The reconciliation claimed it and is giving the money back (still listed until it has). */
    REFUNDING,
    /** The money went back. */
    REFUNDED;

    public boolean finished() {
      return this == PAID || this == DECLINED || this == REFUNDED;
    }
  }

  public static PaymentIntent open(IdempotentPayment request, Instant now) {
    return new PaymentIntent(request.paymentId(), request.sessionId(), request.amount(), now, State.OPEN, now,
        Optional.empty());
  }

  /** Only an open intent inside its charge window may charge: later, the reconciliation owns it. */
  public boolean mayCharge(Instant now) {
    return state == State.OPEN && now.isBefore(createdAt.plus(CHARGE_WINDOW));
  }

  public static Instant reconcileBefore(Instant now) {
    return now.minus(RECONCILE_AFTER);
  }
}
