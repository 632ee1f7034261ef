package city.bikeshare.core.store;

import city.bikeshare.core.TruckState;
import city.bikeshare.core.TruckStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class MemoryTruckStore implements TruckStore {
  public final Map<String, TruckState> trucks = new LinkedHashMap<>();

  @Override
  public boolean apply(TruckStatus status) {
    TruckState stored = trucks.get(status.truckId());
    if (stored != null && !stored.reportedAt().toInstant().isBefore(status.ts().toInstant())) {
      return false;
    }
    trucks.put(status.truckId(), new TruckState(status.truckId(), status.position(), status.load(), status.ts()));
    return true;
  }

  @Override
  public List<TruckState> all() {
    return List.copyOf(trucks.values());
  }
}
