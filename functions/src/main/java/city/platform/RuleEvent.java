package city.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * What every topic rule sends a function: the raw payload (base64, so malformed JSON still reaches us and
 * can be dead-lettered with its reason), the topic, the device id taken from the topic and the broker's
 * receive time. The catalog's rule SQL produces exactly these columns.
 */
public record RuleEvent(String topic, String deviceId, Instant receivedAt, byte[] payload) {
  public static final String PAYLOAD = "payload";
  public static final String TOPIC = "topic";
  public static final String DEVICE_ID = "deviceId";
  public static final String RECEIVED_AT = "receivedAt";

  public static RuleEvent extract(Map<String, Object> event) {
    Object topic = event.get(TOPIC);
    Object deviceId = event.get(DEVICE_ID);
    Object receivedAt = event.get(RECEIVED_AT);
    Object payload = event.get(PAYLOAD);
    byte[] bytes;
    try {
      bytes = payload == null ? new byte[0] : Base64.getDecoder().decode(payload.toString());
    } catch (IllegalArgumentException e) {
      bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
    }
    return new RuleEvent(
        topic == null ? "" : topic.toString(),
        deviceId == null ? "" : deviceId.toString(),
        receivedAt instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : Instant.EPOCH,
        bytes);
  }

  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
