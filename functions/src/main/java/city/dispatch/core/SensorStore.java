package city.dispatch.core;

import java.util.Optional;

/**
 * Per sensor, the incident its alerts currently merge into. Moving this pointer is a conditional write, so
 * concurrent alerts of one sensor agree on one incident.
 */
public interface SensorStore {
  Optional<String> openIncident(String sensorId);

  /**
   * Points the sensor at {@code incidentId} if it still points at {@code replacing} (or at nothing when
   * {@code replacing} is empty).
   */
  boolean point(String sensorId, String incidentId, Optional<String> replacing);

  /** Forgets the pointer if it still names {@code incidentId}. */
  void clear(String sensorId, String incidentId);
}
