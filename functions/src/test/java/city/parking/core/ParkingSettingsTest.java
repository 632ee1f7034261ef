package city.parking.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.City;
import city.platform.Json;
import city.platform.TestCity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParkingSettingsTest {
  private static City city(String parking) {
    return City.parse(Json.parse("{\"city\": {\"id\": \"t\", \"timeZone\": \"Asia/Shanghai\"}, \"parking\": " + parking + "}"));
  }

  private static final String ONE_ZONE = "\"zones\": [{\"zone\": \"Z1\", \"class\": \"II\", \"tariff\": \"beijing-onstreet\","
      + " \"spaces\": [{\"spaceId\": \"S1\", \"lat\": 0, \"lon\": 0}]}]";

  @Test
  void theSampleCountySetsEveryRule() {
    ParkingSettings settings = ParkingSettings.of(TestCity.sample());
    assertEquals(Duration.ofMinutes(30), settings.gapTimeout());
    assertEquals(Duration.ofDays(7), settings.arrearsAge());
    assertEquals(Duration.ofSeconds(120), settings.plateLead());
    assertEquals(Duration.ofSeconds(60), settings.rules("Z1").minimum());
    assertEquals(Optional.of(Duration.ofMinutes(120)), settings.maxStay(settings.layout().zone("Z1").orElseThrow()));
    // the Beijing preset sets no maximum stay, and Z2 configures none
    assertEquals(Optional.empty(), settings.maxStay(settings.layout().zone("Z2").orElseThrow()));
    assertTrue(settings.cameraCovers("C1", "S1"));
    assertFalse(settings.cameraCovers("C1", "S8"));
    assertFalse(settings.cameraCovers("S1", "S1"));
  }

  @Test
  void missingRulesTakeTheirDefaultsAndTheZonesTariffPrices() {
    ParkingSettings settings = ParkingSettings.of(city("{" + ONE_ZONE + "}"));
    assertEquals(Duration.ofMinutes(30), settings.gapTimeout());
    assertEquals(Duration.ofDays(7), settings.arrearsAge());
    assertEquals(Duration.ofSeconds(60), settings.rules("Z1").minimum());
    // class II, Monday 10:00-11:40: 4 x 150 + 2 x 225
    assertEquals(1050, settings.rules("Z1").fee().fen(Instant.parse("2024-03-11T02:00:00Z"), Instant.parse("2024-03-11T03:40:00Z")));
  }

  @Test
  void aRuleThatIsNotAPositiveNumberIsRefusedAtStartUp() {
    assertThrows(IllegalArgumentException.class,
        () -> ParkingSettings.of(city("{\"gapTimeoutMinutes\": 0, " + ONE_ZONE + "}")));
    assertThrows(IllegalArgumentException.class,
        () -> ParkingSettings.of(city("{\"minimumSessionSeconds\": \"soon\", " + ONE_ZONE + "}")));
  }

  @Test
  void anUnknownTariffOrZoneClassIsRefusedAtStartUp() {
    assertThrows(IllegalArgumentException.class, () -> ParkingSettings.of(city(
        "{\"zones\": [{\"zone\": \"Z1\", \"class\": \"IV\", \"tariff\": \"beijing-onstreet\", \"spaces\": []}]}")));
    assertThrows(IllegalArgumentException.class, () -> ParkingSettings.of(city(
        "{\"zones\": [{\"zone\": \"Z1\", \"class\": \"I\", \"tariff\": \"paris\", \"spaces\": []}]}")));
  }
}
