package city.parking.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.BusEvent;
import city.platform.InvalidInput;
import city.platform.Json;
import city.platform.TestCity;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which Incident Closed events leave a note on a session, and what the note says. */
class EnforcementNoteTest {
  private final ParkingLayout layout = ParkingLayout.of(TestCity.sample());

  private static Map<String, Object> sample() {
    try {
      return Json.MAPPER.readValue(Files.readString(Path.of("..", "events", "ParkingEnforcementNotes.json")),
          new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withDetail(String field, Object value) {
    Map<String, Object> event = sample();
    Map<String, Object> detail = new HashMap<>((Map<String, Object>) event.get("detail"));
    if (value == null) {
      detail.remove(field);
    } else {
      detail.put(field, value);
    }
    event.put("detail", detail);
    return event;
  }

  @Test
  void theWardensResolveOfAnOverstayBecomesTheSessionsNote() {
    EnforcementNote note = EnforcementNote.of(BusEvent.delivered(sample()), layout).orElseThrow();
    assertEquals(new EnforcementNote("Z1", "S1", "S1-20261128-17", "E-S1-20261128-17", "W1", "resolved",
        OffsetDateTime.parse("2026-11-28T11:20:00+08:00")), note);
  }

  @Test
  void anotherIncidentOrAnotherDomainsJobLeavesNoNote() {
    assertEquals(Optional.empty(), EnforcementNote.of(BusEvent.delivered(withDetail("category", "fire")), layout));
    assertEquals(Optional.empty(), EnforcementNote.of(BusEvent.delivered(
        withDetail("source", Map.of("domain", "ops", "deviceId", "S1"))), layout));
    assertEquals(Optional.empty(), EnforcementNote.of(BusEvent.delivered(withDetail("source", null)), layout));
  }

  @Test
  void aJobWithoutItsSessionOrForAnUnknownSpaceIsRefused() {
    InvalidInput noSession = assertThrows(InvalidInput.class, () -> EnforcementNote.of(BusEvent.delivered(
        withDetail("source", Map.of("domain", "parking", "spaceId", "S1"))), layout));
    assertEquals("incident closed event without sessionId", noSession.getMessage());
    InvalidInput unknown = assertThrows(InvalidInput.class, () -> EnforcementNote.of(BusEvent.delivered(
        withDetail("source", Map.of("domain", "parking", "spaceId", "NOPE", "sessionId", "NOPE-20261128-1"))), layout));
    assertTrue(unknown.getMessage().contains("NOPE"), unknown.getMessage());
  }
}
