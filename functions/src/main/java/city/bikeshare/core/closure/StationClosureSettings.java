package city.bikeshare.core.closure;

import city.platform.City;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * When an incident closes bike stations, from the city file's {@code integration} section: the incident
 * categories ({@code closeStationCategories}; a {@code category/subCategory} pair names one sub-category only) and
 * the radius around the incident ({@code closeStationRadiusM}).
 */
public record StationClosureSettings(Set<String> categories, double radiusMeters) {
  public static final List<String> DEFAULT_CATEGORIES = List.of("fire", "gas", "flood", "collision", "traffic/collision");
  public static final double DEFAULT_RADIUS_METERS = 100;
  /** Further than any evacuation around a street incident: a larger number is a typo (km for m), not a policy. */
  static final double MAX_RADIUS_METERS = 2000;

  public StationClosureSettings {
    categories = Set.copyOf(categories);
  }

  public static StationClosureSettings of(City city) {
    JsonNode section = city.section("integration");
    Set<String> categories = new LinkedHashSet<>();
    JsonNode listed = section.path("closeStationCategories");
    if (listed.isMissingNode()) {
      categories.addAll(DEFAULT_CATEGORIES);
    } else if (listed.isArray()) {
      listed.forEach(c -> {
        if (!c.isTextual() || c.asText().isBlank()) {
          throw new IllegalArgumentException("integration.closeStationCategories must list category names");
        }
        categories.add(c.asText());
      });
    } else {
      throw new IllegalArgumentException("integration.closeStationCategories must be a list");
    }
    double radius = section.path("closeStationRadiusM").asDouble(DEFAULT_RADIUS_METERS);
    if (!(radius > 0 && radius <= MAX_RADIUS_METERS)) {
      throw new IllegalArgumentException("integration.closeStationRadiusM must be above 0 and at most "
          + (int) MAX_RADIUS_METERS + " m");
    }
    return new StationClosureSettings(categories, radius);
  }

  /** A category closes stations when it is listed, or its pair with the sub-category is. */
  public boolean closesStations(String category, String subCategory) {
    return categories.contains(category) || (subCategory != null && categories.contains(category + "/" + subCategory));
  }
}
