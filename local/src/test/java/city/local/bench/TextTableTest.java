package city.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void padsColumnsRightAligningNumbersAndLeftAligningText() {
    String rendered = new TextTable("name", "ms", "note")
        .row("OpsApi", 1200, "HTTP 200")
        .row("FailedEvents", 95, "-")
        .render();
    assertEquals("name            ms  note\n"
        + "OpsApi        1200  HTTP 200\n"
        + "FailedEvents    95  -\n", rendered);
  }

  @Test
  void refusesARowOfTheWrongWidth() {
    assertThrows(IllegalArgumentException.class, () -> new TextTable("a", "b").row("only one"));
  }
}
