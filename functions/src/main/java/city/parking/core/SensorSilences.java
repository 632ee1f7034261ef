package city.parking.core;

import java.util.Map;
import java.util.Optional;

/** The ops health check's word on each space's sensor, one record per space (see {@link SensorSilence}). */
public interface SensorSilences {
  /** Keeps the record unless the one kept is not {@link SensorSilence#replacedBy replaced} by it. */
  void record(String zone, SensorSilence silence);

  Optional<SensorSilence> of(String zone, String spaceId);

  /** Every space of the zone with a record, silent or back. */
  Map<String, SensorSilence> zone(String zone);
}
