package city.dispatch.core;

import city.platform.DeviceMessage;
import city.platform.GeoPoint;
import city.platform.InvalidInput;
import java.time.OffsetDateTime;

/**
 * A unit's own status on units/{unitId}/status. The kind is fixed by the city file: a message naming another
 * kind means a misconfigured unit and is refused. Without lat/lon the last known position stays.
 */
public record UnitStatusReport(String unitId, String kind, UnitStatus status, GeoPoint position, OffsetDateTime ts) {

  public static UnitStatusReport extract(DeviceMessage message, DispatchSettings settings) {
    Unit unit = settings.unit(message.deviceId())
        .orElseThrow(() -> new InvalidInput("unit " + message.deviceId() + " is not in the dispatch section"));
    if (message.has("kind") && !message.text("kind").equals(unit.kind())) {
      throw new InvalidInput("unit " + unit.unitId() + " is a " + unit.kind() + " unit in the city file, not "
          + message.text("kind"));
    }
    GeoPoint position = message.has("lat") || message.has("lon")
        ? new GeoPoint(message.number("lat", -90, 90), message.number("lon", -180, 180))
        : null;
    return new UnitStatusReport(unit.unitId(), unit.kind(), UnitStatus.fromWireName(message.text("status")),
        position, message.timestamp("ts"));
  }
}
