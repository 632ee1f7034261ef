package city.dispatch.core;

import city.platform.DeviceMessage;
import java.time.Instant;

/**
 * A unit's acknowledgement on units/{unitId}/acks. The milestone time is when the cloud received it, the same
 * clock as the dispatch time, so response times never mix device and server clocks; the device's {@code ts}
 * is not needed.
 */
public record UnitAck(String unitId, String incidentId, AckAction action, Instant receivedAt) {
  public static UnitAck extract(DeviceMessage message) {
    return new UnitAck(message.deviceId(), message.id("incidentId"), AckAction.fromWireName(message.text("action")),
        message.receivedAt());
  }
}
