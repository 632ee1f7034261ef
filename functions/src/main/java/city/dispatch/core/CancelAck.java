package city.dispatch.core;

import city.platform.DeviceMessage;
import java.time.Instant;

/**
 * A unit's confirmation on units/{unitId}/acks that it dropped an incident it was withdrawn from:
 * {@code {"incidentId", "action": "cancel", "ts"}}. It moves no incident; it stops the cancel being re-sent.
 */
public record CancelAck(String unitId, String incidentId, Instant receivedAt) {
  public static final String ACTION = "cancel";

  public static boolean is(DeviceMessage message) {
    return ACTION.equals(message.body().path("action").asText());
  }

  public static CancelAck extract(DeviceMessage message) {
    return new CancelAck(message.deviceId(), message.text("incidentId"), message.receivedAt());
  }
}
