package city.bikeshare.core.store;

import city.bikeshare.core.closure.StationClosure;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The closures the way DynamoStationClosures keeps them (a record per station and incident, tombstones), in memory. */
public final class MemoryStationClosures implements StationClosures {
  private record Entry(StationClosure closure, boolean ended) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  /** Writes that changed an entry: what DynamoDB would bill as accepted puts. */
  public int writes;

  @Override
  public synchronized void close(String stationId, String incidentId, String category, Instant since) {
    if (entries.putIfAbsent(stationId + "#" + incidentId,
        new Entry(new StationClosure(stationId, incidentId, category, since), false)) == null) {
      writes++;
    }
  }

  @Override
  public synchronized void reopen(String stationId, String incidentId, String category, Instant at) {
    entries.put(stationId + "#" + incidentId, new Entry(new StationClosure(stationId, incidentId, category, at), true));
    writes++;
  }

  @Override
  public List<StationClosure> active() {
    return entries.values().stream()
        .filter(e -> !e.ended())
        .map(Entry::closure)
        .sorted(Comparator.comparing(StationClosure::since).thenComparing(StationClosure::incidentId))
        .toList();
  }
}
