package city.parking.core;

import java.time.Instant;
import java.util.List;

/** Payment intents, one per payment id; every change of state is conditional on the state it leaves. */
public interface PaymentIntentStore {
  /** Stores {@code fresh} unless an intent with its payment id exists; returns what is stored. */
  PaymentIntent open(PaymentIntent fresh);

  /**
   * Moves the intent from {@code from} to {@code to} at {@code at}, saying why.
   *
   * @return false when it is not in {@code from} (someone else moved it first), or does not exist
   */
  boolean move(String paymentId, PaymentIntent.State from, PaymentIntent.State to, String reason, Instant at);

  /** Intents not finished (open or refunding) that were created before {@code createdBefore}, oldest first. */
  List<PaymentIntent> unfinished(Instant createdBefore);
}
