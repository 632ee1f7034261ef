package city.parking;

import city.platform.DevicePublisher;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps what the cloud sent to devices; fails while told to, like IoT Core being unreachable. */
final class RecordingPublisher implements DevicePublisher {
  record Sent(String topic, JsonNode message) {}

  final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
  volatile boolean failing;

  @Override
  public void publish(String topic, Object message) {
    if (failing) {
      throw new IllegalStateException("IoT data plane unreachable");
    }
    sent.add(new Sent(topic, Json.MAPPER.valueToTree(message)));
  }
}
