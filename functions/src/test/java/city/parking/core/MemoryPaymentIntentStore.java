package city.parking.core;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Payment intents in memory, as {@code DynamoPaymentIntentStore} writes them: the first intent of a payment id
 * is kept ({@code attribute_not_exists(pk)}), a move holds only from the state it names ({@code #state = :from}),
 * and the unfinished ones are listed oldest first.
 */
public final class MemoryPaymentIntentStore implements PaymentIntentStore {
  private final Map<String, PaymentIntent> intents = new LinkedHashMap<>();

  @Override
  public synchronized PaymentIntent open(PaymentIntent fresh) {
    return intents.computeIfAbsent(fresh.paymentId(), id -> fresh);
  }

  @Override
  public synchronized boolean move(String paymentId, PaymentIntent.State from, PaymentIntent.State to, String reason,
      Instant at) {
    PaymentIntent stored = intents.get(paymentId);
    if (stored == null || stored.state() != from) {
      return false;
    }
    intents.put(paymentId, new PaymentIntent(stored.paymentId(), stored.sessionId(), stored.amount(),
        stored.createdAt(), to, at, Optional.of(reason)));
    return true;
  }

  @Override
  public synchronized List<PaymentIntent> unfinished(Instant createdBefore) {
    return intents.values().stream()
        .filter(intent -> !intent.state().finished() && intent.createdAt().isBefore(createdBefore))
        .sorted(Comparator.comparing(PaymentIntent::createdAt).thenComparing(PaymentIntent::paymentId))
        .toList();
  }

  public synchronized Optional<PaymentIntent> get(String paymentId) {
    return Optional.ofNullable(intents.get(paymentId));
  }
}
