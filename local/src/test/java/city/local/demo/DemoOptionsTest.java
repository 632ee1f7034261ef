package city.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  @Test
  void theDefaultsRunFourHoursInAMinute() {
    DemoOptions options = DemoOptions.parse(new String[0]);
    assertEquals(240, options.simMinutes());
    assertEquals(1, options.seed());
    assertEquals(Duration.ofMinutes(1), options.realDuration());
    assertEquals(Optional.empty(), options.start());
  }

  @Test
  void bothOptionFormsAreRead() {
    DemoOptions options = DemoOptions.parse(new String[] {"--sim-minutes", "60", "--speed=600", "--seed", "7",
        "--city", "other.json", "--start", "2026-11-28T07:30"});
    assertEquals(60, options.simMinutes());
    assertEquals(600, options.speed());
    assertEquals(7, options.seed());
    assertEquals(Optional.of(Path.of("other.json")), options.cityFile());
    assertEquals(Optional.of(LocalDateTime.parse("2026-11-28T07:30")), options.start());
    assertEquals(Duration.ofSeconds(6), options.realDuration());
  }

  @Test
  void helpNeedsNoOtherOption() {
    assertTrue(DemoOptions.parse(new String[] {"--help"}).help());
  }

  @Test
  void mistakesAreRefusedWithTheOptionNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--speed", "fast"}))
        .getMessage().contains("--speed"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--sim-minutes", "5"}))
        .getMessage().contains("--sim-minutes"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--speed", "0"}))
        .getMessage().contains("--speed"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--start", "9am"}))
        .getMessage().contains("--start"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--colour", "red"}))
        .getMessage().contains("--colour"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--seed"}))
        .getMessage().contains("--seed"));
  }
}
