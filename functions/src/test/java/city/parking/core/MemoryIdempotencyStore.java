package city.parking.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency records in memory, as {@code DynamoIdempotencyStore} writes them: the first request claims a
 * caller's key ({@code attribute_not_exists(pk)}), the first result is the one kept
 * ({@code attribute_exists(pk) AND attribute_not_exists(resultStatus)}).
 */
public final class MemoryIdempotencyStore implements IdempotencyStore {
  private record Key(String caller, String key) {}

  private final Map<Key, IdempotentPayment> records = new HashMap<>();

  @Override
  public synchronized IdempotentPayment begin(IdempotentPayment fresh) {
    return records.computeIfAbsent(new Key(fresh.caller(), fresh.key()), k -> fresh);
  }

  @Override
  public synchronized PaymentResult complete(IdempotentPayment payment, PaymentResult result) {
    Key key = new Key(payment.caller(), payment.key());
    IdempotentPayment stored = records.get(key);
    if (stored == null) {
      throw new IllegalStateException("no idempotency record for " + key);
    }
    if (stored.result().isPresent()) {
      return stored.result().get();
    }
    records.put(key, new IdempotentPayment(stored.caller(), stored.key(), stored.sessionId(), stored.amount(),
        stored.createdAt(), Optional.of(result)));
    return result;
  }
}
