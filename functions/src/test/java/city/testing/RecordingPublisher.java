package city.testing;

import city.platform.DevicePublisher;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps what would have gone to devices through IoT Core; fails while told to, like IoT Core being
 * unreachable. Handlers publish from several threads in the twin's tests.
 */
public final class RecordingPublisher implements DevicePublisher {
  /** @param value what the handler published; @param message the JSON a device would receive */
  public record Sent(String topic, Object value, JsonNode message) {
    public <T> T as(Class<T> type) {
      return type.cast(value);
    }
  }

  public final List<Sent> sent = new CopyOnWriteArrayList<>();
  public volatile boolean failing;

  @Override
  public void publish(String topic, Object message) {
    if (failing) {
      throw new IllegalStateException("IoT data plane unreachable");
    }
    sent.add(new Sent(topic, message, Json.parse(Json.write(message))));
  }

  public List<Sent> to(String topic) {
    return sent.stream().filter(s -> s.topic().equals(topic)).toList();
  }
}
