package city.parking.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
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
    return "pay-" + digest(caller + "\n" + key);
  }

  public boolean sameRequest(IdempotentPayment other) {
    return sessionId.equals(other.sessionId) && amount == other.amount;
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
