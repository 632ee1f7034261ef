package city.parking.core;

import java.time.Instant;

/**
 * What the ops health check last said of a space's sensor (rule 4): silent since when, or back from that silence.
 * A silence hides the sensor's status (the space is unknown) until the sensor is back or sends a reading newer than
 * the newest one the space had when the silence arrived ({@code seqAtSilence}).
 */
public record SensorSilence(String spaceId, Instant silentSince, boolean back, long seqAtSilence) {

  /**
   * Pure, the order rule the store's conditional write keeps: a newer silence replaces whatever is kept; the back of
   * the kept silence ends it; an older silence or back (the bus does not keep order) and a repeat change nothing.
   */
  public boolean replacedBy(SensorSilence incoming) {
    int order = incoming.silentSince.compareTo(silentSince);
    return order > 0 || (order == 0 && incoming.back && !back);
  }

  /** Pure: whether the space shows unknown instead of what its sensor last reported. */
  public boolean hides(SpaceState state) {
    return !back && state.seq() <= seqAtSilence;
  }
}
