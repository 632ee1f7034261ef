package city.parking.core;

import city.platform.KeyDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * A payment request under an Idempotency-Key. Keys are scoped to the caller (two citizens may pick the same
 * key). The payment id sent to the provider derives from caller and key, so every retry uses the same one.
 */
public record IdempotentPayment(
    String caller,
    String key,
    String sessionId,
    long amount,
    Instant createdAt,
    Optional<PaymentResult> result) {

  public static IdempotentPayment fresh(String caller, String key, String sessionId, long amount, Instant now) {
    return new IdempotentPayment(caller, key, sessionId, amount, now, Optional.empty());
  }

  public String paymentId() {
    return "pay-" + KeyDigest.hex(caller + "\n" + key, KeyDigest.SHORT);
  }

  public boolean sameRequest(IdempotentPayment other) {
    return sessionId.equals(other.sessionId) && amount == other.amount;
  }
}
