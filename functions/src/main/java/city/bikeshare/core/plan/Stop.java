package city.bikeshare.core.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One station visit of a truck: either {@code pickup} or {@code drop} bikes (the other is absent), on trip
 * number {@code trip}, leaving the truck with {@code loadAfter} bikes on board.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Stop(String stationId, Integer pickup, Integer drop, int trip, int loadAfter) {

  public Stop {
    if ((pickup == null) == (drop == null)) {
      throw new IllegalArgumentException("a stop either picks up or drops bikes: " + stationId);
    }
  }

  /** @param bikesTaken positive: bikes loaded onto the truck; negative: bikes unloaded into the station */
  public static Stop of(String stationId, int bikesTaken, int trip, int loadAfter) {
    return bikesTaken >= 0
        ? new Stop(stationId, bikesTaken, null, trip, loadAfter)
        : new Stop(stationId, null, -bikesTaken, trip, loadAfter);
  }

  /** Bikes loaded onto the truck at this stop (negative when it drops): the solver's demand sign. */
  public int bikesTaken() {
    return pickup != null ? pickup : -drop;
  }
}
