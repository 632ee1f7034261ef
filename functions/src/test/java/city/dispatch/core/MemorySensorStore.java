package city.dispatch.core;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class MemorySensorStore implements SensorStore {
  final Map<String, String> pointers = new ConcurrentHashMap<>();

  @Override
  public Optional<String> openIncident(String sensorId) {
    return Optional.ofNullable(pointers.get(sensorId));
  }

  @Override
  public synchronized boolean point(String sensorId, String incidentId, Optional<String> replacing) {
    String current = pointers.get(sensorId);
    if (replacing.isPresent() ? !replacing.get().equals(current) : current != null) {
      return false;
    }
    pointers.put(sensorId, incidentId);
    return true;
  }

  @Override
  public synchronized void clear(String sensorId, String incidentId) {
    pointers.remove(sensorId, incidentId);
  }
}
