package city.local.bench.pipeline;

import city.catalog.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded mix of device messages (the device contract's payloads) from a city file's devices: occupancy
 * changes 40 %, station status 25 %, unit status 15 %, plate reads 15 %, sensor alerts 5 %. Each sensor's
 * occupancy toggles with every message and counts its {@code seq} up, so every occupancy message changes the
 * space's state; device times advance by {@link #STEP} per message from {@code start}.
 */
public final class MixedStream {
  /** Device time between consecutive messages of the stream. */
  static final Duration STEP = Duration.ofSeconds(2);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] PLATES = {"京A12345", "京B20931", "鲁A7F302", "鲁E88D21", "京N5K118", "鲁B30027"};

  /** What a message is, by the function its topic rule drives. */
  public enum Kind {
    OCCUPANCY("parking-sensor"), PLATE_READ("plate-camera"), ALERT("safety-sensor"), UNIT_STATUS("unit"),
    STATION_STATUS("dock");

    final String deviceClass;

    Kind(String deviceClass) {
      this.deviceClass = deviceClass;
    }
  }

  /**
   * @param spaceId for occupancy, the space whose state it changes (else null)
   * @param occupied for occupancy, the state it sets
   */
  public record Message(Kind kind, String topic, byte[] payload, String spaceId, boolean occupied, OffsetDateTime ts) {}

  private MixedStream() {}

  public static List<Message> generate(List<Device> devices, int count, long seed, OffsetDateTime start) {
    return generate(devices, count, seed, start, STEP);
  }

  /** The same mix with {@code step} of device time between messages (a longer step makes longer parking sessions). */
  public static List<Message> generate(List<Device> devices, int count, long seed, OffsetDateTime start, Duration step) {
    Map<Kind, List<Device>> byKind = new HashMap<>();
    for (Kind kind : Kind.values()) {
      List<Device> ofKind = devices.stream().filter(d -> d.type().wireName().equals(kind.deviceClass)).toList();
      if (ofKind.isEmpty()) {
        throw new IllegalArgumentException("the city has no " + kind.deviceClass + " device");
      }
      byKind.put(kind, ofKind);
    }
    Random random = new Random(seed);
    Map<String, Integer> seqBySensor = new HashMap<>();
    List<Message> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Kind kind = pick(random.nextInt(100));
      List<Device> candidates = byKind.get(kind);
      Device device = candidates.get(random.nextInt(candidates.size()));
      OffsetDateTime ts = start.plus(step.multipliedBy(i));
      ObjectNode payload = MAPPER.createObjectNode();
      String id = device.deviceId();
      JsonNode attributes = device.attributes();
      String topic;
      String spaceId = null;
      boolean occupied = false;
      switch (kind) {
        case OCCUPANCY -> {
          int seq = seqBySensor.merge(id, 1, Integer::sum);
          occupied = seq % 2 == 1;
          spaceId = id;
          payload.put("occupied", occupied).put("ts", ts.toString()).put("seq", seq);
          topic = "parking/spaces/" + id + "/occupancy";
        }
        case PLATE_READ -> {
          JsonNode spaces = attributes.path("spaces");
          payload.put("spaceId", spaces.get(random.nextInt(spaces.size())).asText())
              .put("plate", PLATES[random.nextInt(PLATES.length)]).put("ts", ts.toString())
              .put("confidence", 0.80 + random.nextInt(20) / 100.0);
          topic = "parking/cameras/" + id + "/plates";
        }
        case ALERT -> {
          payload.put("category", attributes.path("kind").asText()).put("severity", random.nextBoolean() ? "high" : "medium")
              .put("lat", attributes.path("lat").asDouble()).put("lon", attributes.path("lon").asDouble()).put("ts", ts.toString());
          topic = "safety/sensors/" + id + "/alerts";
        }
        case UNIT_STATUS -> {
          payload.put("kind", attributes.path("kind").asText()).put("status", random.nextInt(4) == 0 ? "busy" : "available")
              .put("lat", attributes.path("lat").asDouble() + (random.nextDouble() - 0.5) / 100)
              .put("lon", attributes.path("lon").asDouble() + (random.nextDouble() - 0.5) / 100).put("ts", ts.toString());
          topic = "units/" + id + "/status";
        }
        case STATION_STATUS -> {
          int capacity = attributes.path("capacity").asInt(16);
          int bikes = random.nextInt(capacity + 1);
          payload.put("bikes", bikes).put("docks", capacity - bikes).put("ts", ts.toString());
          topic = "bikeshare/stations/" + id + "/status";
        }
        default -> throw new IllegalStateException("unhandled kind " + kind);
      }
      messages.add(new Message(kind, topic, payload.toString().getBytes(StandardCharsets.UTF_8), spaceId, occupied, ts));
    }
    return messages;
  }

  private static Kind pick(int percent) {
    if (percent < 40) {
      return Kind.OCCUPANCY;
    }
    if (percent < 65) {
      return Kind.STATION_STATUS;
    }
    if (percent < 80) {
      return Kind.UNIT_STATUS;
    }
    if (percent < 95) {
      return Kind.PLATE_READ;
    }
    return Kind.ALERT;
  }
}
