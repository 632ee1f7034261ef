package city.local.bench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.Device;
import city.local.TwinOptions;
import city.local.bench.pipeline.MixedStream.Kind;
import city.local.bench.pipeline.MixedStream.Message;
import city.platform.City;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixedStreamTest {
  private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-28T09:00:00+08:00");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<Device> sampleDevices() {
    return City.load(TwinOptions.inMemory().cityFile(), Catalog.standard().modules()).devices();
  }

  @Test
  void theSameSeedGivesTheSameStreamAndAnotherSeedAnother() {
    List<Device> devices = sampleDevices();
    List<Message> first = MixedStream.generate(devices, 200, 7, START);
    List<Message> again = MixedStream.generate(devices, 200, 7, START);
    List<Message> other = MixedStream.generate(devices, 200, 8, START);
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i).topic(), again.get(i).topic());
      assertTrue(Arrays.equals(first.get(i).payload(), again.get(i).payload()));
    }
    assertNotEquals(first.stream().map(Message::topic).toList(), other.stream().map(Message::topic).toList());
  }

  @Test
  void mixesEveryKindAndEachSensorTogglesWithRisingSeq() throws Exception {
    List<Message> stream = MixedStream.generate(sampleDevices(), 2000, 1, START);
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    stream.forEach(m -> counts.merge(m.kind(), 1, Integer::sum));
    assertEquals(Kind.values().length, counts.size(), counts.toString());
    Map<String, JsonNode> lastBySpace = new HashMap<>();
    for (Message message : stream) {
      if (message.kind() == Kind.OCCUPANCY) {
        JsonNode payload = MAPPER.readTree(message.payload());
        JsonNode previous = lastBySpace.put(message.spaceId(), payload);
        if (previous != null) {
          assertEquals(previous.path("seq").asInt() + 1, payload.path("seq").asInt());
          assertNotEquals(previous.path("occupied").asBoolean(), payload.path("occupied").asBoolean());
        }
        assertEquals(message.occupied(), payload.path("occupied").asBoolean());
        assertEquals("parking/spaces/" + message.spaceId() + "/occupancy", message.topic());
      }
    }
  }
}
