package city.ops;

import city.platform.DeviceHealthItem;
import city.platform.DeviceLastSeen;
import java.time.Duration;
import java.time.Instant;

/**
 * Rule 4's decision, pure: is a device silent, newly silent, or back? A device is silent once it has said nothing for
 * its heartbeat plus the granularity of a stored last-seen time (a tenth of it), so that a device that keeps speaking
 * is never reported, whatever the writes it saved.
 */
final class DeviceWatch {
  static final String OK = "ok";
  static final String SILENT = "silent";

  private DeviceWatch() {}

  enum Step {
    /** Never seen by the check: start watching it now. */
    WATCH,
    /** Silent, not reported yet: report it (silence counted from {@code since}). */
    REPORT_SILENT,
    /** Reported silent and it spoke since: report it back. */
    REPORT_BACK,
    /** Nothing new. */
    NOTHING
  }

  record Decision(Step step, Instant since) {}

  static Decision decide(DeviceHealthItem item, Duration heartbeat, Instant now) {
    if (item == null || item.quietSince() == null) {
      return new Decision(Step.WATCH, now);
    }
    if (item.silentSince() != null) {
      return item.quietSince().isAfter(item.silentSince())
          ? new Decision(Step.REPORT_BACK, item.silentSince())
          : new Decision(Step.NOTHING, item.silentSince());
    }
    return silent(item, heartbeat, now) ? new Decision(Step.REPORT_SILENT, item.quietSince())
        : new Decision(Step.NOTHING, null);
  }

  /** What {@code GET /ops/devices} shows: {@value #SILENT} past the heartbeat, else {@value #OK}. */
  static String health(DeviceHealthItem item, Duration heartbeat, Instant now) {
    return item != null && item.quietSince() != null && silent(item, heartbeat, now) ? SILENT : OK;
  }

  private static boolean silent(DeviceHealthItem item, Duration heartbeat, Instant now) {
    Duration allowed = heartbeat.plus(heartbeat.dividedBy(DeviceLastSeen.WRITES_PER_HEARTBEAT));
    return now.isAfter(item.quietSince().plus(allowed));
  }
}
