package city.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchArgsTest {
  private static final Set<String> VALUED = Set.of("--runs", "--seed");
  private static final Set<String> SWITCHES = Set.of("--json");

  @Test
  void readsValuesAndSwitches() {
    BenchArgs args = BenchArgs.parse(new String[] {"--runs", "7", "--json", "--seed", "-3"}, VALUED, SWITCHES);
    assertEquals(7, args.positiveInt("--runs", 5));
    assertEquals(-3, args.anyLong("--seed", 1));
    assertTrue(args.flag("--json"));
  }

  @Test
  void absentOptionsTakeTheirDefaults() {
    BenchArgs args = BenchArgs.parse(new String[0], VALUED, SWITCHES);
    assertEquals(5, args.positiveInt("--runs", 5));
    assertEquals(1, args.anyLong("--seed", 1));
    assertFalse(args.flag("--json"));
  }

  @Test
  void refusesTyposMissingValuesAndNonPositiveCounts() {
    assertThrows(IllegalArgumentException.class, () -> BenchArgs.parse(new String[] {"--run", "3"}, VALUED, SWITCHES));
    assertThrows(IllegalArgumentException.class, () -> BenchArgs.parse(new String[] {"--runs"}, VALUED, SWITCHES));
    BenchArgs zero = BenchArgs.parse(new String[] {"--runs", "0"}, VALUED, SWITCHES);
    assertThrows(IllegalArgumentException.class, () -> zero.positiveInt("--runs", 5));
    BenchArgs words = BenchArgs.parse(new String[] {"--runs", "many"}, VALUED, SWITCHES);
    assertThrows(IllegalArgumentException.class, () -> words.positiveInt("--runs", 5));
  }
}
