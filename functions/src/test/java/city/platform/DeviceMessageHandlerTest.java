package city.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.DeviceClass;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceMessageHandlerTest {
  private final MemoryDeadLetters deadLetters = new MemoryDeadLetters();
  private final List<DeviceMessage> handled = new ArrayList<>();
  private final DeviceMessageHandler handler = new DeviceMessageHandler(new DeviceClass("parking-sensor"), TestCity.sample(), deadLetters) {
    @Override
    protected void handle(DeviceMessage message) {
      message.bool("occupied");
      handled.add(message);
    }
  };

  private static Map<String, Object> event(String deviceId, String payload) {
    return Map.of(
        RuleEvent.PAYLOAD, Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)),
        RuleEvent.TOPIC, "parking/spaces/" + deviceId + "/occupancy",
        RuleEvent.DEVICE_ID, deviceId,
        RuleEvent.RECEIVED_AT, 1795914000123L);
  }

  private String onlyReason() {
    assertEquals(1, deadLetters.letters.size());
    assertTrue(handled.isEmpty());
    return deadLetters.letters.get(0).reason();
  }

  @Test
  void aKnownSensorsMessageReachesTheDomain() {
    handler.handleRequest(event("S1", "{\"occupied\": true}"), null);
    assertEquals(1, handled.size());
    assertEquals("S1", handled.get(0).deviceId());
    assertEquals(1795914000123L, handled.get(0).receivedAt().toEpochMilli());
    assertTrue(deadLetters.letters.isEmpty());
  }

  @Test
  void unknownDeviceIsDeadLettered() {
    handler.handleRequest(event("S999", "{\"occupied\": true}"), null);
    assertEquals("unknown device S999: not in the city file", onlyReason());
    assertEquals("{\"occupied\": true}", deadLetters.letters.get(0).payload());
  }

  @Test
  void aDeviceOfAnotherClassIsDeadLettered() {
    handler.handleRequest(event("U1", "{\"occupied\": true}"), null);
    assertEquals("device U1 is a unit, not a parking-sensor", onlyReason());
  }

  @Test
  void malformedJsonIsDeadLettered() {
    handler.handleRequest(event("S1", "{occupied: yes"), null);
    assertTrue(onlyReason().startsWith("malformed JSON"));
  }

  @Test
  void aFieldOfTheWrongTypeIsDeadLetteredWithItsName() {
    handler.handleRequest(event("S1", "{\"occupied\": \"yes\"}"), null);
    assertEquals("field occupied must be true or false", onlyReason());
  }

  @Test
  void oversizedPayloadIsDeadLettered() {
    handler.handleRequest(event("S1", "{\"occupied\": true, \"pad\": \"" + "x".repeat(5000) + "\"}"), null);
    assertTrue(onlyReason().startsWith("payload too large"));
  }

  @Test
  void otherFailuresAreThrownForLambdaToRetry() {
    DeviceMessageHandler failing = new DeviceMessageHandler(new DeviceClass("parking-sensor"), TestCity.sample(), deadLetters) {
      @Override
      protected void handle(DeviceMessage message) {
        throw new IllegalStateException("table unavailable");
      }
    };
    assertThrows(IllegalStateException.class, () -> failing.handleRequest(event("S1", "{}"), null));
    assertTrue(deadLetters.letters.isEmpty());
  }
}
