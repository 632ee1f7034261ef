package city.parking.payment;

import city.parking.core.PaymentProvider;
import city.platform.KeyDigest;

/**
 * Stands in for a real provider in the twin and the demo: approves every charge. The reference is derived
 * from the payment id, so a retried charge returns the same reference, as a real provider's would.
 */
public final class SimulatedPaymentProvider implements PaymentProvider {
  public static final String NAME = "simulated";
  private static final int REFERENCE_BYTES = 8;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Charge charge(String paymentId, String sessionId, long amountFen) {
    return Charge.approved("SIM-" + KeyDigest.hex(paymentId, REFERENCE_BYTES).toUpperCase());
  }

  @Override
  public void refund(String paymentId, long amountFen) {
    // nothing was moved, so nothing goes back
  }
}
