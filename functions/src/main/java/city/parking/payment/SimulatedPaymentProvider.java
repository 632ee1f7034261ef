package city.parking.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stands in for a real provider in the twin and the demo: approves every charge. The reference is derived
 * from the payment id, so a retried charge returns the same reference, as a real provider's would.
 */
public final class SimulatedPaymentProvider implements PaymentProvider {
  public static final String NAME = "simulated";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Charge charge(String paymentId, String sessionId, long amountFen) {
    return Charge.approved("SIM-" + digest(paymentId));
  }

  @Override
  public void refund(String paymentId, long amountFen) {
    // nothing was moved, so nothing goes back
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8).toUpperCase();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
