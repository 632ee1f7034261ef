package city.dispatch.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.City;
import city.platform.Json;
import city.platform.TestCity;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DispatchSettingsTest {
  private static City city(String dispatchSection) {
    return City.parse(Json.parse("{\"city\": {\"id\": \"t\", \"timeZone\": \"Asia/Shanghai\", \"lat\": 36.5, \"lon\": 118.5},"
        + " \"dispatch\": " + dispatchSection + "}"));
  }

  @Test
  void severityMapsToPriorityMostUrgentFirst() {
    DispatchSettings settings = DispatchSettings.of(city("{}"));
    assertEquals(1, settings.priorityOf(Severity.CRITICAL));
    assertEquals(2, settings.priorityOf(Severity.HIGH));
    assertEquals(3, settings.priorityOf(Severity.MEDIUM));
    assertEquals(4, settings.priorityOf(Severity.LOW));
    assertEquals(5, settings.priorityOf(Severity.INFORMATIONAL));
  }

  @Test
  void theCityFileMayChangeSomePrioritiesAndKeepsTheRest() {
    DispatchSettings settings = DispatchSettings.of(city("{\"severityPriorities\": {\"high\": 1}}"));
    assertEquals(1, settings.priorityOf(Severity.HIGH));
    assertEquals(3, settings.priorityOf(Severity.MEDIUM));
  }

  @Test
  void alertCategoriesMapToUnitKindsWithSubCategoryFirst() {
    DispatchSettings settings = DispatchSettings.of(city(
        "{\"categories\": {\"traffic\": \"police\", \"traffic/collision\": \"medical\", \"fire\": \"fire\"}}"));
    assertEquals(Optional.of("medical"), settings.kindOf("traffic", "collision"));
    assertEquals(Optional.of("police"), settings.kindOf("traffic", "jam"));
    assertEquals(Optional.of("police"), settings.kindOf("traffic", null));
    assertEquals(Optional.of("fire"), settings.kindOf("fire", null));
    assertEquals(Optional.empty(), settings.kindOf("volcano", null));
  }

  @Test
  void defaultsCoverTheFiwareCategoriesAndTheUsualServices() {
    DispatchSettings settings = DispatchSettings.of(city("{}"));
    assertEquals(Optional.of("fire"), settings.kindOf("fire", null));
    assertEquals(Optional.of("municipal"), settings.kindOf("flood", null));
    assertEquals(Optional.of("police"), settings.kindOf("security", null));
    assertEquals(Optional.of("medical"), settings.kindOf("health", null));
    assertEquals(Optional.of("police"), settings.kindOf("collision", null));
    assertEquals(Set.of("fire", "medical", "collision", "noise", "flooding", "pothole", "streetlight"),
        settings.services().stream().map(ServiceDefinition::serviceCode).collect(Collectors.toSet()));
    assertEquals(Duration.ofSeconds(600), settings.mergeWindow());
    assertEquals(Duration.ofSeconds(90), settings.ackTimeout());
  }

  @Test
  void theAckTimeoutComesFromTheEnvironmentBeforeTheCityFile() {
    System.setProperty(DispatchSettings.ACK_TIMEOUT_ENV, "2s");
    try {
      assertEquals(Duration.ofSeconds(2), DispatchSettings.of(city("{\"ackTimeoutSeconds\": 30}")).ackTimeout());
    } finally {
      System.clearProperty(DispatchSettings.ACK_TIMEOUT_ENV);
    }
    assertEquals(Duration.ofSeconds(30), DispatchSettings.of(city("{\"ackTimeoutSeconds\": 30}")).ackTimeout());
  }

  @Test
  void aServiceWithoutKindOrWithABadPriorityIsAConfigurationError() {
    assertThrows(IllegalArgumentException.class,
        () -> DispatchSettings.of(city("{\"services\": [{\"service_code\": \"x\", \"priority\": 1}]}")));
    assertThrows(IllegalArgumentException.class,
        () -> DispatchSettings.of(city("{\"services\": [{\"service_code\": \"x\", \"kind\": \"fire\", \"priority\": 0}]}")));
  }

  /** Every kind an incident can need has at least one unit in the sample county: nothing waits forever. */
  @Test
  void theSampleCountyHasAUnitForEveryKindItsIncidentsNeed() {
    DispatchSettings settings = DispatchSettings.of(TestCity.sample());
    Set<String> needed = new java.util.TreeSet<>(settings.categoryKinds().values());
    settings.services().forEach(s -> needed.add(s.kind()));
    for (String kind : needed) {
      assertFalse(settings.unitsOfKind(kind).isEmpty(), "no unit of kind " + kind);
    }
    assertTrue(settings.units().size() >= 3);
    assertEquals(settings.sensors().size(), 10);
  }
}
