package city.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.DeviceHealthItem;
import city.platform.DeviceLastSeen;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rule 4's decisions: when a device is silent, reported, back; and when a last-seen time is worth a write. */
class DeviceWatchTest {
  private static final Duration HEARTBEAT = Duration.ofMinutes(30);
  private static final Instant T0 = Instant.parse("2026-11-28T01:00:00Z");

  private static DeviceHealthItem seenAt(Instant lastSeen, Instant silentSince) {
    return new DeviceHealthItem("D1", lastSeen, T0.minusSeconds(3600), silentSince);
  }

  @Test
  void aDeviceNeverSeenByTheCheckIsWatchedFromNowAndSilentOnlyAHeartbeatLater() {
    assertEquals(new DeviceWatch.Decision(DeviceWatch.Step.WATCH, T0), DeviceWatch.decide(null, HEARTBEAT, T0));
    DeviceHealthItem watched = new DeviceHealthItem("D1", null, T0, null);
    assertEquals(DeviceWatch.Step.NOTHING, DeviceWatch.decide(watched, HEARTBEAT, T0.plus(HEARTBEAT)).step());
    assertEquals(new DeviceWatch.Decision(DeviceWatch.Step.REPORT_SILENT, T0),
        DeviceWatch.decide(watched, HEARTBEAT, T0.plus(Duration.ofMinutes(34))));
  }

  @Test
  void silentAfterTheHeartbeatPlusTheLastSeenGranularityThenReportedOnce() {
    assertEquals(DeviceWatch.Step.NOTHING, DeviceWatch.decide(seenAt(T0, null), HEARTBEAT, T0.plus(Duration.ofMinutes(33))).step());
    assertEquals("ok", DeviceWatch.health(seenAt(T0, null), HEARTBEAT, T0.plus(Duration.ofMinutes(33))));
    Instant late = T0.plus(Duration.ofMinutes(33)).plusSeconds(1);
    assertEquals(new DeviceWatch.Decision(DeviceWatch.Step.REPORT_SILENT, T0), DeviceWatch.decide(seenAt(T0, null), HEARTBEAT, late));
    assertEquals("silent", DeviceWatch.health(seenAt(T0, null), HEARTBEAT, late));
    assertEquals(DeviceWatch.Step.NOTHING, DeviceWatch.decide(seenAt(T0, T0), HEARTBEAT, late.plusSeconds(3600)).step(),
        "reported already");
  }

  @Test
  void aReportedDeviceThatSpokeSinceIsBackWithTheSilenceItEnds() {
    Instant spoke = T0.plus(Duration.ofHours(2));
    assertEquals(new DeviceWatch.Decision(DeviceWatch.Step.REPORT_BACK, T0),
        DeviceWatch.decide(seenAt(spoke, T0), HEARTBEAT, spoke.plusSeconds(1)));
    assertEquals("ok", DeviceWatch.health(seenAt(spoke, T0), HEARTBEAT, spoke.plusSeconds(1)));
  }

  @Test
  void aLastSeenTimeIsWrittenOnlyOnceItMovedOnByATenthOfTheHeartbeat() {
    assertTrue(DeviceLastSeen.worthWriting(null, T0, HEARTBEAT));
    assertFalse(DeviceLastSeen.worthWriting(T0, T0.plus(Duration.ofMinutes(3)).minusMillis(1), HEARTBEAT));
    assertTrue(DeviceLastSeen.worthWriting(T0, T0.plus(Duration.ofMinutes(3)), HEARTBEAT));
    assertFalse(DeviceLastSeen.worthWriting(T0, T0.minusSeconds(60), HEARTBEAT), "an older time never");
  }
}
