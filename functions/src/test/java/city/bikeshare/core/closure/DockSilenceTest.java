package city.bikeshare.core.closure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import city.bikeshare.core.store.MemoryDockSilences;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DockSilenceTest {
  private static final Instant FIRST = Instant.parse("2026-11-28T01:00:00Z");
  private static final Instant SECOND = Instant.parse("2026-11-28T05:00:00Z");

  private static Set<String> after(DockSilence... events) {
    MemoryDockSilences silences = new MemoryDockSilences();
    for (DockSilence event : events) {
      silences.record(event);
    }
    return silences.silent();
  }

  @Test
  void aSilenceLastsUntilItsBack() {
    assertEquals(Set.of("B1"), after(new DockSilence("B1", FIRST, false)));
    assertEquals(Set.of(), after(new DockSilence("B1", FIRST, false), new DockSilence("B1", FIRST, true)));
  }

  @Test
  void aSilenceDeliveredAgainAfterItsBackChangesNothing() {
    assertEquals(Set.of(), after(new DockSilence("B1", FIRST, false), new DockSilence("B1", FIRST, true),
        new DockSilence("B1", FIRST, false)));
    assertEquals(Set.of(), after(new DockSilence("B1", FIRST, true), new DockSilence("B1", FIRST, false)));
  }

  @Test
  void aBackOlderThanTheSilenceKeptDoesNotLiftIt() {
    assertEquals(Set.of("B1"), after(new DockSilence("B1", SECOND, false), new DockSilence("B1", FIRST, true)));
    assertEquals(Set.of("B1"), after(new DockSilence("B1", FIRST, true), new DockSilence("B1", SECOND, false)));
  }
}
