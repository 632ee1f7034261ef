package city.local.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Schedule;
import city.local.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A schedule given its own clock fires with that clock's time; the others keep the wall clock's. */
class SchedulerTest {
  private static final Schedule SIMULATED = new Schedule("simulated", "F1", Duration.ofMinutes(5), null);
  private static final Schedule WALL = new Schedule("wall", "F2", Duration.ofMinutes(5), null);
  private static final Instant YESTERDAY = Instant.parse("2026-11-30T22:30:00Z");

  @Test
  void aScheduleWithItsOwnClockCarriesThatClocksTime() {
    Map<String, String> lastTime = new ConcurrentHashMap<>();
    Instant before = Instant.now();
    Map<String, Duration> periods = Map.of("simulated", Duration.ofMillis(20), "wall", Duration.ofMillis(20));
    try (Scheduler scheduler = new Scheduler(List.of(SIMULATED, WALL), periods, Map.of("simulated", () -> YESTERDAY),
        (schedule, event) -> lastTime.put(schedule.name(), event.get("time").toString()))) {
      Eventually.await("both schedules fired", Duration.ofSeconds(30), () -> lastTime, t -> t.size() == 2);
    }
    assertEquals(YESTERDAY.toString(), lastTime.get("simulated"));
    assertTrue(!Instant.parse(lastTime.get("wall")).isBefore(before), "the wall clock: " + lastTime.get("wall"));
  }

  @Test
  void aClockForAScheduleThatIsNotDeclaredIsATypo() {
    assertThrows(IllegalArgumentException.class, () -> new Scheduler(List.of(WALL), Map.of(),
        Map.of("parking_setlement", () -> YESTERDAY), (schedule, event) -> {}));
  }
}
