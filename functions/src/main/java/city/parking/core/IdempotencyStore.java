package city.parking.core;


/** One record per caller and Idempotency-Key: the request it was first used for and its final result. */
public interface IdempotencyStore {
  /** Stores {@code fresh} unless the key is known; returns what is stored for the key. */
  IdempotentPayment begin(IdempotentPayment fresh);

  /** Stores the result unless one is stored already; returns the stored result (the first one wins). */
  PaymentResult complete(IdempotentPayment payment, PaymentResult result);
}
