package city.bikeshare.core.store;

import city.bikeshare.core.TruckState;
import city.bikeshare.core.TruckStatus;
import java.util.List;

/** Each truck's latest position and load. */
public interface TruckStore {
  /** @return false when the report is not newer than the stored one */
  boolean apply(TruckStatus status);

  List<TruckState> all();
}
