package city.parking.core;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider that, like a real one, charges a payment id once however often it is asked (merchant order
 * numbers are unique), and counts what it was asked.
 */
public final class CountingProvider implements PaymentProvider {
  public final Map<String, Long> charged = new ConcurrentHashMap<>();
  final Set<String> refunded = ConcurrentHashMap.newKeySet();
  public final AtomicInteger chargeCalls = new AtomicInteger();
  public final AtomicInteger refundCalls = new AtomicInteger();

  @Override
  public String name() {
    return "counting";
  }

  @Override
  public Charge charge(String paymentId, String sessionId, long amountFen) {
    chargeCalls.incrementAndGet();
    charged.putIfAbsent(paymentId, amountFen);
    return Charge.approved("REF-" + paymentId);
  }

  @Override
  public void refund(String paymentId, long amountFen) {
    refundCalls.incrementAndGet();
    refunded.add(paymentId);
  }

  /** Money actually kept: charged and not refunded. */
  public long kept() {
    return charged.entrySet().stream().filter(e -> !refunded.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
  }
}
