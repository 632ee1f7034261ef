package city.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.Device;
import city.catalog.DeviceClass;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CityTest {
  @Test
  void theSampleCountyProvisionsSeveralDevicesOfEachClass() {
    City city = TestCity.sample();
    assertEquals(ZoneId.of("Asia/Shanghai"), city.timeZone());
    Map<DeviceClass, Long> counts = city.devices().stream()
        .collect(Collectors.groupingBy(Device::type, Collectors.counting()));
    for (DeviceClass type : Catalog.standard().deviceClasses()) {
      assertTrue(counts.getOrDefault(type, 0L) >= 2, type + " " + counts);
    }
    assertTrue(counts.get(new DeviceClass("safety-sensor")) >= 10);
    long fireUnits = city.devices().stream()
        .filter(d -> d.type().equals(new DeviceClass("unit")) && d.attributes().path("kind").asText().equals("fire")).count();
    assertTrue(fireUnits >= 3);
    assertEquals(new DeviceClass("parking-sensor"), city.device("S1").orElseThrow().type());
  }

  @Test
  void aThingNameUsedTwiceIsRefused() {
    var root = Json.parse("{\"city\":{\"id\":\"x\",\"timeZone\":\"UTC\"},"
        + "\"parking\":{\"zones\":[{\"zone\":\"Z\",\"spaces\":[{\"spaceId\":\"D1\"}]}]},"
        + "\"bikeshare\":{\"trucks\":[{\"truckId\":\"D1\"}]}}");
    var error = assertThrows(IllegalArgumentException.class, () -> City.parse(root));
    assertTrue(error.getMessage().contains("D1 is used twice"), error.getMessage());
  }

  @Test
  void aCityWithoutTimeZoneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> City.parse(Json.parse("{\"city\":{\"id\":\"x\"}}")));
  }

  @Test
  void devicesAreListedInFileOrder() {
    var ids = TestCity.sample().devices().stream().map(Device::deviceId).collect(Collectors.toList());
    assertEquals("S1", ids.get(0));
    assertEquals(ids.size(), ids.stream().collect(Collectors.toMap(Function.identity(), i -> 1)).size());
  }
}
