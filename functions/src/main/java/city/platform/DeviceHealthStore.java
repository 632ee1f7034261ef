package city.platform;

import java.time.Instant;
import java.util.Map;

/** What the health check and the ops view read and write of devices' health (beside {@link DeviceLastSeen}). */
public interface DeviceHealthStore {
  /** Every device's item, by device id. */
  Map<String, DeviceHealthItem> all();

  /** A device the check sees for the first time: its silence counts from {@code since}. */
  void watch(String deviceId, Instant since);

  /** The check reported this silence; false when one is recorded already. */
  boolean markSilent(String deviceId, Instant silentSince);

  /** The check reported the device back; false unless this very silence is still recorded. */
  boolean clearSilent(String deviceId, Instant silentSince);
}
