package city.parking.core;

import city.platform.City;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * When an incident closes parking, from the city file's {@code integration} section: the incident categories
 * ({@code closeParkingCategories}; a {@code category/subCategory} pair names one sub-category only) and the
 * radius around the incident ({@code closeParkingRadiusM}).
 */
public record ClosureSettings(Set<String> categories, double radiusMeters) {
  public static final List<String> DEFAULT_CATEGORIES =
      List.of("traffic", "collision", "traffic/collision", "fire", "gas", "flood");
  public static final double DEFAULT_RADIUS_METERS = 50;
  /** Further than any street closure: a larger number is a typo (km for m), not a policy. */
  static final double MAX_RADIUS_METERS = 2000;

  public ClosureSettings {
    categories = Set.copyOf(categories);
  }

  public static ClosureSettings of(City city) {
    JsonNode section = city.section("integration");
    Set<String> categories = new LinkedHashSet<>();
    JsonNode listed = section.path("closeParkingCategories");
    if (listed.isMissingNode()) {
      categories.addAll(DEFAULT_CATEGORIES);
    } else if (listed.isArray()) {
      listed.forEach(c -> {
        if (!c.isTextual() || c.asText().isBlank()) {
          throw new IllegalArgumentException("integration.closeParkingCategories must list category names");
        }
        categories.add(c.asText());
      });
    } else {
      throw new IllegalArgumentException("integration.closeParkingCategories must be a list");
    }
    double radius = section.path("closeParkingRadiusM").asDouble(DEFAULT_RADIUS_METERS);
    if (!(radius > 0 && radius <= MAX_RADIUS_METERS)) {
      throw new IllegalArgumentException("integration.closeParkingRadiusM must be above 0 and at most "
          + (int) MAX_RADIUS_METERS + " m");
    }
    return new ClosureSettings(categories, radius);
  }

  /** A category closes parking when it is listed, or its pair with the sub-category is. */
  public boolean closesParking(String category, String subCategory) {
    return categories.contains(category) || (subCategory != null && categories.contains(category + "/" + subCategory));
  }
}
