package city.parking.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The plate read store in memory, as {@code DynamoPlateReadStore} keys it: one read per space, millisecond,
 * camera and plate ({@code attribute_not_exists(pk)}; a second read with the same key is a duplicate, whatever
 * its confidence), listed in key order; the plate index holds a read until it is settled.
 */
public final class MemoryPlateReadStore implements PlateReadStore {
  private record ReadKey(String spaceId, long millis, String cameraId, String plate) {
    static ReadKey of(PlateRead read) {
      return new ReadKey(read.spaceId(), read.ts().toInstant().toEpochMilli(), read.cameraId(), read.plate());
    }
  }

  /** The sort key {@code PLATE#<millis>#<camera>#<plate>} in text order. */
  private static final Comparator<ReadKey> SORT_KEY = Comparator.comparing(ReadKey::spaceId)
      .thenComparingLong(ReadKey::millis)
      .thenComparing(key -> key.cameraId() + "#" + key.plate());
  /** The index key {@code <millis>#<space>#<camera>}. */
  private static final Comparator<PlateRead> INDEX_KEY = Comparator
      .comparingLong((PlateRead read) -> read.ts().toInstant().toEpochMilli())
      .thenComparing(read -> read.spaceId() + "#" + read.cameraId());

  private final Map<ReadKey, PlateRead> reads = new TreeMap<>(SORT_KEY);
  private final Set<ReadKey> indexed = new HashSet<>();

  @Override
  public synchronized boolean keep(PlateRead read) {
    ReadKey key = ReadKey.of(read);
    if (reads.putIfAbsent(key, read) != null) {
      return false;
    }
    indexed.add(key);
    return true;
  }

  @Override
  public synchronized List<PlateRead> ofSpace(String spaceId, OffsetDateTime from) {
    long fromMillis = from.toInstant().toEpochMilli();
    return reads.entrySet().stream()
        .filter(e -> e.getKey().spaceId().equals(spaceId) && e.getKey().millis() >= fromMillis)
        .map(Map.Entry::getValue)
        .toList();
  }

  @Override
  public synchronized List<PlateRead> ofPlate(String plate, Instant since) {
    return reads.entrySet().stream()
        .filter(e -> indexed.contains(e.getKey()) && e.getKey().plate().equals(plate)
            && e.getKey().millis() >= since.toEpochMilli())
        .map(Map.Entry::getValue)
        .sorted(INDEX_KEY)
        .toList();
  }

  @Override
  public synchronized void settle(PlateRead read) {
    indexed.remove(ReadKey.of(read));
  }
}
