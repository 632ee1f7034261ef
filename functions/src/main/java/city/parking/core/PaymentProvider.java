package city.parking.core;

/**
 * The port to whoever moves the money (WeChat Pay, Alipay, a bank). Billing only needs these two calls; both
 * must be idempotent per {@code paymentId} (every real provider takes a merchant order number for that), so
 * a retried request never charges twice.
 */
public interface PaymentProvider {
  String name();

  Charge charge(String paymentId, String sessionId, long amountFen);

  /** Gives back a charge whose session was paid by someone else first, or whose amount changed. */
  void refund(String paymentId, long amountFen);

  /** @param reference the provider's transaction number, shown on the receipt */
  record Charge(boolean approved, String reference, String declineReason) {
    public static Charge approved(String reference) {
      return new Charge(true, reference, null);
    }

    public static Charge declined(String reason) {
      return new Charge(false, null, reason);
    }
  }
}
