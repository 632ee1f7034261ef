package city.bikeshare.core.demand;

/**
 * How many bikes a station should hold. Any count in {@code [minBikes, maxBikes]} covers the expected rider
 * flow over the horizon (enough bikes for the expected net outflow, enough free docks for the expected net
 * inflow); a station outside it is brought to {@code bikes}, the middle of the window.
 */
public record Target(String stationId, int bikes, int minBikes, int maxBikes, Basis basis) {
  public enum Basis {
    /** Learned from the station's status history. */
    HISTORY,
    /** No history for the horizon's hours: half full is the least bad guess. */
    HALF_FULL
  }

  public boolean covers(int currentBikes) {
    return currentBikes >= minBikes && currentBikes <= maxBikes;
  }
}
