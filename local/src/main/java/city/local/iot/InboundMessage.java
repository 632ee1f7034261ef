package city.local.iot;

import java.nio.charset.StandardCharsets;

/**
 * A message as the rules engine sees it: the topic it was published to, the raw payload bytes, the
 * publishing client and the time the broker received it (what {@code timestamp()} returns).
 */
public record InboundMessage(String topic, byte[] payload, String clientId, long receivedAtMillis) {
  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
