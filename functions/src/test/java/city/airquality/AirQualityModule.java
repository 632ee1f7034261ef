package city.airquality;

import city.catalog.Access;
import city.catalog.CityModule;
import city.catalog.Device;
import city.catalog.DeviceClass;
import city.catalog.Domain;
import city.catalog.FunctionSpec;
import city.catalog.HttpRoute;
import city.catalog.TableSpec;
import city.catalog.TopicRule;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A throwaway domain, as a new engineer would add one: a device class of its own (air-quality sensors), a
 * table, a function fed by a topic rule and an ops route. It exists to show that adding a domain touches
 * nothing shared: the tests add it to the standard catalog and look for it everywhere.
 */
public final class AirQualityModule implements CityModule {
  public static final DeviceClass AIR_SENSOR = new DeviceClass("air-sensor");
  public static final String TABLE = "AirQuality";
  public static final String TABLE_ENV = "AIR_QUALITY_TABLE";
  public static final String FUNCTION = "AirQualityReadings";
  public static final String RULE = "airquality_readings";
  public static final String TOPIC_FILTER = "airquality/sensors/+/readings";

  @Override
  public Domain declarations() {
    TableSpec table = TableSpec.keyValueTable(TABLE, TABLE_ENV).because("test: the readings of the air sensors");
    FunctionSpec readings = FunctionSpec.handledBy(FUNCTION, ReadingRecorder.class)
        .memoryMb(256).timeoutSeconds(5).reservedConcurrency(2)
        .readsAndWrites(TABLE)
        .because("test: records each reading");
    return new Domain("airquality", List.of(table), List.of(readings),
        List.of(TopicRule.fromDevices(RULE, TOPIC_FILTER, AIR_SENSOR, FUNCTION, "test: an air-quality reading")),
        List.of(new HttpRoute("GET", "/ops/airquality/readings", FUNCTION, Access.OPS)),
        List.of());
  }

  @Override
  public List<DeviceClass> deviceClasses() {
    return List.of(AIR_SENSOR);
  }

  @Override
  public List<Device> devices(JsonNode section) {
    return Device.listed(section.path("sensors"), "sensorId", AIR_SENSOR);
  }
}
