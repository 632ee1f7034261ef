package city.local.bench.bus;

import city.local.SampleCityVariant;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The sample county with its parking replaced by one zone, ZT, of spaces P1..Pn on a line 0.01 degrees (1.1 km)
 * apart, far from the bike stations: an alert at a space's coordinates closes exactly that space.
 */
public final class LineOfSpacesCity {
  public static final String ZONE = "ZT";
  private static final double LAT0 = 36.40;
  public static final double LON = 118.60;

  private LineOfSpacesCity() {}

  /** Writes the city to a temporary file (deleted when the JVM exits). */
  public static Path write(int spaces) {
    return write(spaces, zone -> { });
  }

  /** @param editZone changes the zone further (a maximum stay, say) */
  public static Path write(int spaces, Consumer<ObjectNode> editZone) {
    return SampleCityVariant.write("line-of-spaces", city -> {
      ObjectNode parking = (ObjectNode) city.path("parking");
      ObjectNode zone = parking.putArray("zones").addObject().put("zone", ZONE).put("class", "I").put("name", "Test Street")
          .put("tariff", "beijing-onstreet");
      ArrayNode list = zone.putArray("spaces");
      for (int i = 1; i <= spaces; i++) {
        list.addObject().put("spaceId", "P" + i).put("lat", lat(i)).put("lon", LON);
      }
      editZone.accept(zone);
      parking.putArray("cameras");
    });
  }

  public static double lat(int space) {
    return LAT0 + space * 0.01;
  }
}
