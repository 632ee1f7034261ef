package city.bikeshare.core.store;

import city.bikeshare.core.StationState;
import city.bikeshare.core.StationStatus;
import city.bikeshare.core.demand.FlowBucket;
import city.bikeshare.core.demand.FlowSample;
import city.bikeshare.core.demand.TruckMove;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The station store's contract in memory, for unit tests; the DynamoDB adapter is tested on the twin. */
public final class MemoryStationStore implements StationStore {
  public final Map<String, StationState> states = new LinkedHashMap<>();
  public final List<FlowSample> samples = new ArrayList<>();
  public final Map<String, TruckMove> moves = new LinkedHashMap<>();
  private final List<FlowBucket> seededHistory = new ArrayList<>();

  @Override
  public Optional<StationState> apply(StationStatus status) {
    StationState stored = states.get(status.stationId());
    if (stored != null && !stored.reportedAt().toInstant().isBefore(status.ts().toInstant())) {
      boolean redelivery = stored.reportedAt().toInstant().equals(status.ts().toInstant())
          && stored.bikes() == status.bikes() && stored.docks() == status.docks();
      return redelivery ? Optional.of(stored) : Optional.empty();
    }
    StationState next = stored == null
        ? new StationState(status.stationId(), status.bikes(), status.docks(), status.ts(), status.bikes(), status.ts())
        : new StationState(status.stationId(), status.bikes(), status.docks(), status.ts(), stored.bikes(), stored.reportedAt());
    states.put(status.stationId(), next);
    return Optional.of(next);
  }

  @Override
  public void recordFlow(FlowSample sample) {
    boolean counted = samples.stream().anyMatch(s -> s.stationId().equals(sample.stationId())
        && s.hourStart().equals(sample.hourStart()) && !s.reportedAt().isBefore(sample.reportedAt()));
    if (!counted) {
      samples.add(sample);
    }
  }

  @Override
  public void recordTruckMove(TruckMove move) {
    moves.put(move.planId() + "#" + move.stopIndex(), move);
  }

  @Override
  public List<StationState> latest() {
    return List.copyOf(states.values());
  }

  /** History as if recorded before the test started. */
  public void seed(FlowBucket bucket) {
    seededHistory.add(bucket);
  }

  @Override
  public List<FlowBucket> flowHistory(int hourOfWeek) {
    Map<String, int[]> sums = new LinkedHashMap<>();
    Map<String, FlowBucket> keys = new LinkedHashMap<>();
    for (FlowSample s : samples) {
      if (s.hourOfWeek() == hourOfWeek) {
        String key = s.stationId() + "#" + s.hourStart();
        keys.putIfAbsent(key, new FlowBucket(s.stationId(), s.hourStart(), 0, 0, 0));
        int[] sum = sums.computeIfAbsent(key, k -> new int[3]);
        sum[0] += s.netChange();
        sum[2]++;
      }
    }
    for (TruckMove m : moves.values()) {
      if (m.hourOfWeek() == hourOfWeek) {
        String key = m.stationId() + "#" + m.hourStart();
        keys.putIfAbsent(key, new FlowBucket(m.stationId(), m.hourStart(), 0, 0, 0));
        sums.computeIfAbsent(key, k -> new int[3])[1] += m.bikesAdded();
      }
    }
    List<FlowBucket> buckets = new ArrayList<>();
    keys.forEach((key, b) -> {
      int[] sum = sums.get(key);
      buckets.add(new FlowBucket(b.stationId(), b.hourStart(), sum[0], sum[1], sum[2]));
    });
    buckets.addAll(seededHistory);
    return buckets;
  }
}
