package city.parking;

import city.platform.City;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random device histories for the sample county, from a seed: each space's sensor readings (seq from 1,
 * status changes, repeats, flapping, stays of minutes to hours across day and night) and its camera's plate
 * reads (several per session, competing confidences, some outside any session).
 */
final class Histories {
  static final List<String> PLATES = List.of("京A12345", "京B88888", "京C20001", "京D77777", "京E13579");

  /** One device message as the topic rule hands it to the function. */
  record Message(String topic, String deviceId, String payload, OffsetDateTime ts, boolean occupancy) {
    Map<String, Object> event() {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("payload", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)));
      event.put("topic", topic);
      event.put("deviceId", deviceId);
      event.put("receivedAt", ts.toInstant().toEpochMilli());
      return event;
    }
  }

  private Histories() {}

  /** Which camera covers each space, from the city file. */
  static Map<String, String> cameras(City city) {
    Map<String, String> cameraOf = new LinkedHashMap<>();
    for (JsonNode camera : city.section("parking").path("cameras")) {
      camera.path("spaces").forEach(space -> cameraOf.put(space.asText(), camera.path("cameraId").asText()));
    }
    return cameraOf;
  }

  static List<Message> space(Random random, String spaceId, String cameraId, OffsetDateTime start, int readings) {
    List<Message> messages = new ArrayList<>();
    OffsetDateTime ts = start;
    boolean occupied = random.nextBoolean();
    OffsetDateTime openedAt = null;
    for (long seq = 1; seq <= readings; seq++) {
      ts = ts.plus(gap(random));
      occupied = random.nextInt(4) == 0 ? occupied : !occupied;
      messages.add(occupancy(spaceId, occupied, ts, seq));
      if (occupied && openedAt == null) {
        openedAt = ts;
      } else if (!occupied && openedAt != null) {
        messages.addAll(reads(random, spaceId, cameraId, openedAt, ts));
        openedAt = null;
      }
    }
    if (openedAt != null) {
      messages.addAll(reads(random, spaceId, cameraId, openedAt, ts.plusMinutes(30)));
    }
    if (random.nextInt(3) == 0) {
      messages.add(plate(spaceId, cameraId, PLATES.get(random.nextInt(PLATES.size())), ts.plusHours(5), 0.5));
    }
    return messages;
  }

  /** In-order delivery: every message at its device time, a space's readings in seq order. */
  static List<Message> inOrder(List<Message> messages) {
    List<Message> sorted = new ArrayList<>(messages);
    sorted.sort(Comparator.comparing((Message m) -> m.ts().toInstant()).thenComparing(m -> !m.occupancy()));
    return sorted;
  }

  /** Each message one to three times, in any order. */
  static List<Message> duplicatedAndShuffled(Random random, List<Message> messages) {
    List<Message> delivered = new ArrayList<>();
    for (Message message : messages) {
      int copies = 1 + random.nextInt(3);
      for (int i = 0; i < copies; i++) {
        delivered.add(message);
      }
    }
    Collections.shuffle(delivered, random);
    return delivered;
  }

  private static Duration gap(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> Duration.ofSeconds(5 + random.nextInt(70)); // flapping, around the minimum
      case 1 -> Duration.ofHours(3 + random.nextInt(10)).plusMinutes(random.nextInt(60)); // overnight
      default -> Duration.ofMinutes(2 + random.nextInt(150)).plusSeconds(random.nextInt(60));
    };
  }

  private static List<Message> reads(Random random, String spaceId, String cameraId, OffsetDateTime from,
      OffsetDateTime to) {
    List<Message> reads = new ArrayList<>();
    long window = Math.max(1, Duration.between(from, to).toSeconds() + 100);
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      OffsetDateTime at = from.minusSeconds(100).plusSeconds(random.nextLong(window));
      double confidence = 0.5 + random.nextInt(50) / 100.0;
      reads.add(plate(spaceId, cameraId, PLATES.get(random.nextInt(PLATES.size())), at, confidence));
    }
    return reads;
  }

  static Message occupancy(String spaceId, boolean occupied, OffsetDateTime ts, long seq) {
    String payload = Json.write(Map.of("occupied", occupied, "ts", ts.toString(), "seq", seq));
    return new Message("parking/spaces/" + spaceId + "/occupancy", spaceId, payload, ts, true);
  }

  static Message plate(String spaceId, String cameraId, String plate, OffsetDateTime ts, double confidence) {
    String payload = Json.write(Map.of("spaceId", spaceId, "plate", plate, "ts", ts.toString(), "confidence", confidence));
    return new Message("parking/cameras/" + cameraId + "/plates", cameraId, payload, ts, false);
  }
}
