package city.dispatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import city.platform.InvalidInput;
import org.junit.jupiter.api.Test;

class Open311HandlerTest {
  @Test
  void aRequestIdComesWithoutItsJsonFormat() {
    assertEquals("R-1a", Open311Handler.requestId("R-1a.json"));
    assertEquals("R-1a", Open311Handler.requestId("R-1a"));
    assertThrows(InvalidInput.class, () -> Open311Handler.requestId("R-1a.xml"));
  }
}
