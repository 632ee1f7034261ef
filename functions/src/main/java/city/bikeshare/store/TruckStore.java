package city.bikeshare.store;

import city.bikeshare.TruckState;
import city.bikeshare.TruckStatus;
import java.util.List;

/** Each truck's latest position and load. */
public interface TruckStore {
  /** @return false when the report is not newer than the stored one */
  boolean apply(TruckStatus status);

  List<TruckState> all();
}
