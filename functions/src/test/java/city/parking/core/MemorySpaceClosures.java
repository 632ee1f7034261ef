package city.parking.core;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The closures the way DynamoSpaceClosures keeps them (a record per space and incident, tombstones), in memory. */
public final class MemorySpaceClosures implements SpaceClosures {
  private record Entry(Closure closure, boolean ended) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public void close(String zone, String spaceId, String incidentId, Instant since) {
    entries.putIfAbsent(zone + "/" + spaceId + "/" + incidentId, new Entry(new Closure(spaceId, incidentId, since), false));
  }

  @Override
  public void reopen(String zone, String spaceId, String incidentId, Instant at) {
    entries.put(zone + "/" + spaceId + "/" + incidentId, new Entry(new Closure(spaceId, incidentId, at), true));
  }

  @Override
  public List<Closure> of(String zone, String spaceId) {
    return entries.entrySet().stream()
        .filter(e -> e.getKey().startsWith(zone + "/" + spaceId + "/") && !e.getValue().ended())
        .map(e -> e.getValue().closure())
        .sorted(Comparator.comparing(Closure::since))
        .toList();
  }

  @Override
  public Map<String, Closure> zone(String zone) {
    Map<String, Closure> oldest = new LinkedHashMap<>();
    entries.entrySet().stream()
        .filter(e -> e.getKey().startsWith(zone + "/") && !e.getValue().ended())
        .map(e -> e.getValue().closure())
        .sorted(Comparator.comparing(Closure::since))
        .forEach(c -> oldest.putIfAbsent(c.spaceId(), c));
    return oldest;
  }
}
