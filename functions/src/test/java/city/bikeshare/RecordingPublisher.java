package city.bikeshare;

import city.platform.DevicePublisher;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Keeps what would have gone to IoT Core, as the JSON a device would receive. */
public final class RecordingPublisher implements DevicePublisher {
  public record Sent(String topic, JsonNode message) {}

  public final List<Sent> sent = new ArrayList<>();

  @Override
  public void publish(String topic, Object message) {
    sent.add(new Sent(topic, Json.parse(Json.write(message))));
  }
}
