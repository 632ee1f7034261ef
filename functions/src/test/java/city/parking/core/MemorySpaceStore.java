package city.parking.core;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The space store's conditions in memory, as {@code DynamoSpaceStore} states them: a head is created only
 * where none is ({@code attribute_not_exists(pk)}) and replaced only from the version before
 * ({@code version = :expected}); a reading is kept once per seq.
 */
public final class MemorySpaceStore implements SpaceStore {
  private record HeadKey(String zone, String spaceId) {}

  /** In sort-key order: a zone's heads by space id, as its query returns them. */
  private final NavigableMap<HeadKey, SpaceHead> heads =
      new TreeMap<>(Comparator.comparing(HeadKey::zone).thenComparing(HeadKey::spaceId));
  private final Map<String, NavigableMap<Long, StoredReading>> readings = new TreeMap<>();

  @Override
  public synchronized Optional<SpaceHead> head(String zone, String spaceId) {
    return Optional.ofNullable(heads.get(new HeadKey(zone, spaceId)));
  }

  @Override
  public synchronized boolean putHead(SpaceHead head) {
    HeadKey key = new HeadKey(head.zone(), head.spaceId());
    SpaceHead stored = heads.get(key);
    boolean allowed = head.version() == 1 ? stored == null : stored != null && stored.version() == head.version() - 1;
    if (allowed) {
      heads.put(key, head);
    }
    return allowed;
  }

  @Override
  public synchronized List<SpaceHead> zone(String zone) {
    return heads.values().stream().filter(head -> head.zone().equals(zone)).toList();
  }

  /** The index holds heads with a gap, sorted by when it started (milliseconds, as the index key), then zone and space. */
  @Override
  public synchronized List<SpaceHead> waitingSince(Instant before) {
    return heads.values().stream()
        .filter(head -> head.gapSince().map(since -> since.toEpochMilli() < before.toEpochMilli()).orElse(false))
        .sorted(Comparator.comparingLong((SpaceHead head) -> head.gapSince().orElseThrow().toEpochMilli())
            .thenComparing(SpaceHead::zone).thenComparing(SpaceHead::spaceId))
        .toList();
  }

  @Override
  public synchronized boolean keepReading(String spaceId, StoredReading reading) {
    return readings.computeIfAbsent(spaceId, s -> new TreeMap<>()).putIfAbsent(reading.reading().seq(), reading) == null;
  }

  /** DynamoDB refuses a BETWEEN whose lower bound is above the upper one. */
  @Override
  public synchronized List<StoredReading> readings(String spaceId, long from, long to) {
    if (from > to) {
      throw new IllegalArgumentException("readings " + from + ".." + to + ": BETWEEN needs from <= to");
    }
    return List.copyOf(readings.getOrDefault(spaceId, new TreeMap<>()).subMap(from, true, to, true).values());
  }
}
