package city.bikeshare.core.store;

import city.bikeshare.core.closure.DockSilence;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The dock silences in memory, keeping the same order rule as the table's conditional write. */
public final class MemoryDockSilences implements DockSilences {
  private final Map<String, DockSilence> kept = new ConcurrentHashMap<>();

  @Override
  public void record(DockSilence silence) {
    kept.merge(silence.stationId(), silence, (old, incoming) -> old.replacedBy(incoming) ? incoming : old);
  }

  @Override
  public Set<String> silent() {
    return kept.values().stream().filter(s -> !s.back()).map(DockSilence::stationId).collect(Collectors.toSet());
  }
}
