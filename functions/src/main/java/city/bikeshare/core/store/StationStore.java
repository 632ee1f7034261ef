package city.bikeshare.core.store;

import city.bikeshare.core.StationState;
import city.bikeshare.core.StationStatus;
import city.bikeshare.core.demand.FlowBucket;
import city.bikeshare.core.demand.FlowSample;
import city.bikeshare.core.demand.TruckMove;
import java.util.List;
import java.util.Optional;

/** Latest status of each station and the hourly demand history. */
public interface StationStore {
  /**
   * Makes the report the station's latest if it is newer (by {@code ts}) than the stored one, in one
   * conditional write.
   *
   * @return the new state with the report before it; empty for an older report or a different one with the
   *     same {@code ts}. A redelivery of the latest report returns its state again, so that a retried
   *     message can still complete its history entry.
   */
  Optional<StationState> apply(StationStatus status);

  /** Adds the sample to its station-hour bucket; a sample not newer than the bucket's last one is ignored. */
  void recordFlow(FlowSample sample);

  /** Idempotent per plan and stop. */
  void recordTruckMove(TruckMove move);

  List<StationState> latest();

  /** Every station's buckets of that hour of the week still kept, truck moves folded in. */
  List<FlowBucket> flowHistory(int hourOfWeek);
}
