package city.parking.core;

import city.platform.City;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The city file's parking section: zones (class, tariff) and their spaces. */
public record ParkingLayout(List<Zone> zones, Map<String, Zone> zoneOfSpace) {

  public record Space(String spaceId, double lat, double lon) {}

  public record Zone(String zone, String zoneClass, String tariff, String name, List<Space> spaces) {}

  public static ParkingLayout of(City city) {
    List<Zone> zones = new ArrayList<>();
    Map<String, Zone> zoneOfSpace = new LinkedHashMap<>();
    for (JsonNode z : city.section("parking").path("zones")) {
      List<Space> spaces = new ArrayList<>();
      for (JsonNode s : z.path("spaces")) {
        spaces.add(new Space(s.path("spaceId").asText(), s.path("lat").asDouble(), s.path("lon").asDouble()));
      }
      Zone zone = new Zone(z.path("zone").asText(), z.path("class").asText(), z.path("tariff").asText(),
          z.path("name").asText(z.path("zone").asText()), List.copyOf(spaces));
      zones.add(zone);
      spaces.forEach(s -> zoneOfSpace.put(s.spaceId(), zone));
    }
    return new ParkingLayout(List.copyOf(zones), Map.copyOf(zoneOfSpace));
  }

  public Optional<Zone> zone(String zoneId) {
    return zones.stream().filter(z -> z.zone().equals(zoneId)).findFirst();
  }

  public Optional<Zone> zoneOf(String spaceId) {
    return Optional.ofNullable(zoneOfSpace.get(spaceId));
  }
}
