package city.bikeshare.core.demand;

import java.time.Instant;

/**
 * One station's history for one local clock hour: the summed change in docked bikes over {@code samples}
 * consecutive-report pairs, and the part of it trucks caused.
 */
public record FlowBucket(String stationId, Instant hourStart, int netChange, int truckMoved, int samples) {
  /** Net bikes riders brought (positive) or took away (negative) in the hour. */
  public int riderFlow() {
    return netChange - truckMoved;
  }
}
