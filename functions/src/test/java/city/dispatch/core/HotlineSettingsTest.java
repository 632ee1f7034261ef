package city.dispatch.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import city.platform.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The city file's hotline keys: departments, per-service terms, their defaults. */
class HotlineSettingsTest {
  private final DispatchSettings dispatch = Fixtures.settings(Duration.ofSeconds(90));

  private HotlineSettings of(String section) {
    return HotlineSettings.of(Json.parse(section), dispatch);
  }

  @Test
  void aServiceTakesItsOwnDeadlinesAndItsDepartmentsForTheRest() {
    HotlineSettings settings = of("""
        {"departments": [{"id": "um", "name": "Urban management", "unitKinds": ["municipal"],
                          "acceptWithinMinutes": 20, "resolveWithinHours": 24}],
         "services": [{"service_code": "pothole", "department": "um", "resolveWithinMinutes": 0.5},
                      {"service_code": "streetlight"}],
         "duplicateRadiusM": 50, "reopenWithinDays": 3}""");
    assertEquals("um", settings.departmentOf("pothole", "municipal"));
    assertEquals(new Deadlines(Duration.ofMinutes(20), Duration.ofSeconds(30)), settings.deadlinesOf("pothole", "municipal"));
    assertEquals("um", settings.departmentOf("streetlight", "municipal"), "by the unit kind");
    assertEquals(new Deadlines(Duration.ofMinutes(20), Duration.ofHours(24)), settings.deadlinesOf("streetlight", "municipal"));
    assertEquals("fire", settings.departmentOf(null, "fire"), "no department of the kind: the kind itself");
    assertEquals(50.0, settings.duplicateRadiusM());
    assertEquals(Duration.ofHours(72), settings.duplicateWindow());
    assertEquals(Duration.ofDays(3), settings.reopenWithin());
  }

  @Test
  void withoutDepartmentsEachUnitKindIsOne() {
    HotlineSettings settings = HotlineSettings.defaults(dispatch);
    assertEquals("municipal", settings.departmentOf("pothole", "municipal"));
    assertEquals(HotlineSettings.DEFAULT_DEADLINES, settings.deadlinesOf("pothole", "municipal"));
    assertEquals(30.0, settings.duplicateRadiusM());
    assertEquals(Duration.ofDays(7), settings.reopenWithin());
  }

  @Test
  void anUnknownDepartmentOrAWrongDeadlineIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> of("{\"services\": [{\"service_code\": \"x\", \"department\": \"nope\"}]}"));
    assertThrows(IllegalArgumentException.class, () -> of(
        "{\"departments\": [{\"id\": \"um\", \"resolveWithinHours\": \"soon\"}]}"));
    assertThrows(IllegalArgumentException.class, () -> of(
        "{\"departments\": [{\"id\": \"um\", \"acceptWithinMinutes\": 0}]}"));
  }
}
