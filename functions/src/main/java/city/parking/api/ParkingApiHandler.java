package city.parking.api;

import city.parking.core.ParkingLayout;
import city.parking.core.SpaceHead;
import city.parking.core.SpaceState;
import city.parking.core.SpaceStore;
import city.parking.core.ZoneAvailability;
import city.platform.City;
import city.platform.Endpoint;
import city.platform.HttpApiHandler;
import city.platform.HttpError;
import city.platform.HttpRequest;
import city.platform.HttpResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/** Public parking data: zones with their spaces, a zone's availability, one space's state. */
public final class ParkingApiHandler extends HttpApiHandler {
  /** Availability changes by the minute; a short cache still absorbs bursts from map apps. */
  private static final int AVAILABILITY_CACHE_SECONDS = 15;
  private static final int LAYOUT_CACHE_SECONDS = 3600;

  public ParkingApiHandler() {
    this(City.current(), Wiring.storesFromEnvironment().spaces());
  }

  public ParkingApiHandler(City city, SpaceStore spaces) {
    this(ParkingLayout.of(city), spaces);
  }

  private ParkingApiHandler(ParkingLayout layout, SpaceStore spaces) {
    super(List.of(
        new Endpoint("GET /parking/zones", request -> zones(layout)),
        new Endpoint("GET /parking/zones/{zone}/availability", request -> availability(layout, spaces, request)),
        new Endpoint("GET /parking/spaces/{spaceId}", request -> space(layout, spaces, request))));
  }

  record SpaceView(String spaceId, double lat, double lon) {}

  record ZoneView(String zone, @JsonProperty("class") String zoneClass, String tariff, String name, List<SpaceView> spaces) {}

  record Zones(List<ZoneView> zones) {}

  record SpaceStateView(String spaceId, String zone, String status, OffsetDateTime since) {}

  private static HttpResponse zones(ParkingLayout layout) {
    List<ZoneView> zones = layout.zones().stream()
        .map(z -> new ZoneView(z.zone(), z.zoneClass(), z.tariff(), z.name(),
            z.spaces().stream().map(s -> new SpaceView(s.spaceId(), s.lat(), s.lon())).toList()))
        .toList();
    return HttpResponse.ok(new Zones(zones)).cacheableFor(LAYOUT_CACHE_SECONDS);
  }

  private static HttpResponse availability(ParkingLayout layout, SpaceStore spaces, HttpRequest request) {
    String zoneId = request.pathParameter("zone");
    ParkingLayout.Zone zone = layout.zone(zoneId).orElseThrow(() -> HttpError.notFound("no zone " + zoneId));
    return HttpResponse.ok(ZoneAvailability.of(zone, spaces.zone(zoneId))).cacheableFor(AVAILABILITY_CACHE_SECONDS);
  }

  private static HttpResponse space(ParkingLayout layout, SpaceStore spaces, HttpRequest request) {
    String spaceId = request.pathParameter("spaceId");
    ParkingLayout.Zone zone = layout.zoneOf(spaceId).orElseThrow(() -> HttpError.notFound("no space " + spaceId));
    SpaceState state = spaces.head(zone.zone(), spaceId).map(SpaceHead::state).orElse(SpaceState.unknown(spaceId));
    return HttpResponse.ok(new SpaceStateView(spaceId, zone.zone(), state.status().wireName(), state.since()));
  }
}
