package city.parking.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.City;
import city.platform.GeoPoint;
import city.platform.Json;
import city.platform.TestCity;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule 1's decision, pure: which spaces an incident closes, and that closures stack, repeat and arrive late harmlessly. */
class IncidentClosuresTest {
  private static final City CITY = TestCity.sample();
  private static final ParkingLayout LAYOUT = ParkingLayout.of(CITY);
  /** S1 of the sample county; S2..S14 follow it northwards every ~13 m. */
  private static final GeoPoint AT_S1 = new GeoPoint(36.514, 118.543);
  private static final Instant T0 = Instant.parse("2026-11-28T01:00:00Z");

  private final MemorySpaceClosures closures = new MemorySpaceClosures();
  private final IncidentClosures rule = new IncidentClosures(ClosureSettings.of(CITY), LAYOUT, closures);

  private static IncidentNotice opened(String id, String category, String sub, GeoPoint at) {
    return new IncidentNotice(id, category, sub, at, false, false, T0);
  }

  private static IncidentNotice closed(IncidentNotice opened) {
    return new IncidentNotice(opened.incidentId(), opened.category(), opened.subCategory(), opened.position(), false,
        true, T0.plusSeconds(600));
  }

  private Set<String> closedSpaces() {
    return Set.copyOf(closures.zone("Z1").keySet());
  }

  @Test
  void theDefaultsAreTheIssuesCategoriesAndFiftyMetres() {
    ClosureSettings settings = ClosureSettings.of(CITY);
    assertEquals(50, settings.radiusMeters());
    assertEquals(Set.of("traffic", "collision", "traffic/collision", "fire", "gas", "flood"), settings.categories());
  }

  @Test
  void anIncidentClosesExactlyTheSpacesWithinTheRadius() {
    List<IncidentClosures.AffectedSpace> affected =
        IncidentClosures.affected(opened("I1", "collision", null, AT_S1), ClosureSettings.of(CITY), LAYOUT);
    assertTrue(affected.stream().allMatch(s -> s.distanceMeters() <= 50), affected.toString());
    for (ParkingLayout.Zone zone : LAYOUT.zones()) {
      for (ParkingLayout.Space space : zone.spaces()) {
        double meters = AT_S1.distanceMeters(new GeoPoint(space.lat(), space.lon()));
        boolean listed = affected.stream().anyMatch(a -> a.spaceId().equals(space.spaceId()));
        assertEquals(meters <= 50, listed, space.spaceId() + " at " + Math.round(meters) + " m");
      }
    }
    assertTrue(affected.stream().anyMatch(a -> a.spaceId().equals("S1")));
    assertTrue(affected.stream().noneMatch(a -> a.spaceId().equals("S14")), "S14 is ~170 m away");
  }

  @Test
  void onlyListedCategoriesOrCategorySubCategoryPairsCloseParking() {
    ClosureSettings settings = new ClosureSettings(Set.of("fire", "security/riot"), 50);
    assertTrue(IncidentClosures.affected(opened("I", "medical", null, AT_S1), settings, LAYOUT).isEmpty());
    assertTrue(IncidentClosures.affected(opened("I", "security", "intrusion", AT_S1), settings, LAYOUT).isEmpty());
    assertTrue(!IncidentClosures.affected(opened("I", "security", "riot", AT_S1), settings, LAYOUT).isEmpty());
    assertTrue(!IncidentClosures.affected(opened("I", "fire", "smoke", AT_S1), settings, LAYOUT).isEmpty());
  }

  @Test
  void anIncidentKnownOnlyByItsAddressClosesNothing() {
    IncidentNotice estimated = new IncidentNotice("R-1", "traffic", null, AT_S1, true, false, T0);
    assertTrue(IncidentClosures.affected(estimated, ClosureSettings.of(CITY), LAYOUT).isEmpty(),
        "its position is the city centre standing in for an address");
  }

  @Test
  void theCityFileSetsCategoriesAndRadiusAndATypoIsRefused() {
    ObjectNode root = (ObjectNode) CITY.root().deepCopy();
    root.putObject("integration").put("closeParkingRadiusM", 10).putArray("closeParkingCategories").add("flood");
    ClosureSettings settings = ClosureSettings.of(City.parse(root));
    assertEquals(10, settings.radiusMeters());
    assertEquals(Set.of("flood"), settings.categories());
    ((ObjectNode) root.get("integration")).put("closeParkingRadiusM", 50_000);
    assertThrows(IllegalArgumentException.class, () -> ClosureSettings.of(City.parse(root)));
  }

  @Test
  void theSpaceReopensOnlyWhenTheLastOfTwoIncidentsEnds() {
    IncidentNotice first = opened("I1", "collision", null, AT_S1);
    IncidentNotice second = opened("I2", "fire", null, AT_S1);
    rule.apply(first);
    rule.apply(second);
    assertEquals(2, closures.of("Z1", "S1").size());
    rule.apply(closed(first));
    assertEquals(List.of("I2"), closures.of("Z1", "S1").stream().map(Closure::incidentId).toList());
    rule.apply(closed(second));
    assertTrue(closedSpaces().isEmpty());
  }

  @Test
  void theSameEventTwiceChangesNothingMore() {
    IncidentNotice incident = opened("I1", "collision", null, AT_S1);
    rule.apply(incident);
    Set<String> once = closedSpaces();
    rule.apply(incident);
    assertEquals(once, closedSpaces());
    assertEquals(1, closures.of("Z1", "S1").size());
    rule.apply(closed(incident));
    rule.apply(closed(incident));
    assertTrue(closedSpaces().isEmpty());
  }

  @Test
  void aResolveBeforeItsOpenLeavesTheSpaceOpen() {
    IncidentNotice incident = opened("I1", "collision", null, AT_S1);
    rule.apply(closed(incident));
    rule.apply(incident);
    assertTrue(closedSpaces().isEmpty(), "the late open finds the tombstone");
  }

  @Test
  void availabilityCountsAClosedSpaceAsClosedWhateverItsSensorSays() {
    ParkingLayout.Zone z1 = LAYOUT.zone("Z1").orElseThrow();
    SpaceHead free = SpaceHead.empty("Z1", "S1").seen(new city.parking.core.session.OccupancyReading("S1", false,
        java.time.OffsetDateTime.parse("2026-11-28T09:00:00+08:00"), 1));
    rule.apply(opened("I1", "collision", null, AT_S1));
    ZoneAvailability availability = ZoneAvailability.of(z1, List.of(free), closures.zone("Z1"), Map.of());
    assertEquals(0, availability.free(), "S1 reports free but is closed");
    assertEquals(closedSpaces().size(), availability.closed());
    assertEquals(z1.spaces().size(), availability.free() + availability.occupied() + availability.closed()
        + availability.unknown());
    assertEquals(z1.spaces().stream().map(ParkingLayout.Space::spaceId).toList(),
        availability.spaces().stream().map(ZoneAvailability.SpaceAvailability::spaceId).toList(), "every space, in order");
    assertEquals("closed", availability.spaces().get(0).status(), "S1 is listed as the map must draw it");
  }

  @Test
  void aNoticeIsReadFromTheEventsPublicDetailOnly() {
    ObjectNode detail = Json.MAPPER.createObjectNode().put("incidentId", "I1").put("category", "traffic")
        .put("subCategory", "collision").put("lat", 36.514).put("lon", 118.543);
    IncidentNotice notice = IncidentNotice.of(city.platform.BusEvent.of(IncidentNotice.SOURCE, IncidentNotice.CLOSED, T0,
        "I1/closed", detail));
    assertEquals(new IncidentNotice("I1", "traffic", "collision", AT_S1, false, true, T0), notice);
    ObjectNode noPosition = detail.deepCopy();
    noPosition.remove("lat");
    assertThrows(city.platform.InvalidInput.class, () -> IncidentNotice.of(city.platform.BusEvent.of(
        IncidentNotice.SOURCE, IncidentNotice.OPENED, T0, "I1/opened", noPosition)));
  }
}
