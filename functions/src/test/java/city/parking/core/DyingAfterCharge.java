package city.parking.core;

/**
 * A provider whose every charge goes through and whose invocation then dies, as one that timed out after a
 * slow provider answered: the money is taken, nothing after the charge runs.
 */
public final class DyingAfterCharge implements PaymentProvider {
  private final PaymentProvider provider;

  public DyingAfterCharge(PaymentProvider provider) {
    this.provider = provider;
  }

  @Override
  public String name() {
    return provider.name();
  }

  @Override
  public Charge charge(String paymentId, String sessionId, long amountFen) {
    provider.charge(paymentId, sessionId, amountFen);
    throw new InvocationDied("Task timed out after 10.00 seconds");
  }

  @Override
  public void refund(String paymentId, long amountFen) {
    provider.refund(paymentId, amountFen);
  }

  /** What the test sees where Lambda would have killed the invocation. */
  public static final class InvocationDied extends RuntimeException {
    public InvocationDied(String message) {
      super(message);
    }
  }
}
