package city.airquality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.Device;
import city.platform.City;
import city.platform.TestCity;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new domain needs its package, its module and its section of the city file: the catalog and the inventory follow. */
class ThrowawayDomainTest {
  private final Catalog catalog = Catalog.standard().plus(new AirQualityModule());

  @Test
  void theCatalogListsTheNewDomainsDeclarationsAfterTheStandardOnes() {
    assertTrue(catalog.deviceClasses().contains(AirQualityModule.AIR_SENSOR));
    assertEquals(AirQualityModule.FUNCTION, catalog.rule(AirQualityModule.RULE).orElseThrow().functionId());
    assertEquals(ReadingRecorder.class.getName(), catalog.function(AirQualityModule.FUNCTION).handlerClass());
    assertEquals(AirQualityModule.TABLE_ENV, catalog.table(AirQualityModule.TABLE).envVar());
    assertTrue(catalog.routes().stream().anyMatch(r -> r.routeKey().equals("GET /ops/airquality/readings")));
    assertEquals(Catalog.standard().functions().size() + 1, catalog.functions().size());
    assertTrue(Catalog.standard().deviceClasses().stream().noneMatch(c -> c.equals(AirQualityModule.AIR_SENSOR)),
        "a device class of its own, not a reused one");
  }

  @Test
  void theInventoryHoldsTheDevicesOfTheNewSection(@TempDir Path folder) throws IOException {
    City city = City.load(AirQualityCity.write(TestCity.SAMPLE, folder), catalog.modules());
    Device sensor = city.device(AirQualityCity.SENSOR).orElseThrow();
    assertEquals(AirQualityModule.AIR_SENSOR, sensor.type());
    assertEquals(TestCity.sample().devices().size() + 1, city.devices().size(), "and every device it held before");
  }

  @Test
  void aModuleCannotBeAddedTwice() {
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> catalog.plus(new AirQualityModule()));
    assertTrue(twice.getMessage().contains("declared 2 times"), twice.getMessage());
  }
}
