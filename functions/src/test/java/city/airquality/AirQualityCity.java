package city.airquality;

import city.platform.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample county with an {@code airquality} section: what adding the domain's part of the city file means. */
public final class AirQualityCity {
  public static final String SENSOR = "AQ1";

  private AirQualityCity() {}

  /** Writes the sample county plus the section to a new file in {@code folder}. */
  public static Path write(Path sampleCounty, Path folder) throws IOException {
    ObjectNode root = (ObjectNode) Json.MAPPER.readTree(sampleCounty.toFile());
    ArrayNode sensors = root.putObject("airquality").putArray("sensors");
    sensors.addObject().put("sensorId", SENSOR).put("lat", 36.51).put("lon", 118.52);
    Path file = folder.resolve("city-with-air-quality.json");
    Json.MAPPER.writeValue(file.toFile(), root);
    return file;
  }
}
