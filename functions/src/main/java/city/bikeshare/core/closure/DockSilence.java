package city.bikeshare.core.closure;

import java.time.Instant;

/**
 * What the ops health check last said of a station's dock controller (rule 4): silent since when, or back from that
 * silence. A silent dock's station is shown installed but not renting: nobody should walk there for a bike the
 * controller may not release.
 */
public record DockSilence(String stationId, Instant silentSince, boolean back) {

  /**
   * Pure, the order rule the store's conditional write keeps: a newer silence replaces whatever is kept; the back of
   * the kept silence ends it; an older silence or back (the bus does not keep order) and a repeat change nothing.
   */
  public boolean replacedBy(DockSilence incoming) {
    int order = incoming.silentSince.compareTo(silentSince);
    return order > 0 || (order == 0 && incoming.back && !back);
  }
}
