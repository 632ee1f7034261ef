package city.parking.api;

import city.parking.core.Closure;
import city.parking.core.ParkingLayout;
import city.parking.core.SensorSilence;
import city.parking.core.SensorSilences;
import city.parking.core.SpaceClosures;
import city.parking.core.SpaceHead;
import city.parking.core.SpaceState;
import city.parking.core.SpaceStatus;
import city.parking.core.SpaceStore;
import city.parking.core.ZoneAvailability;
import city.platform.City;
import city.platform.Endpoint;
import city.platform.HttpApiHandler;
import city.platform.HttpError;
import city.platform.HttpRequest;
import city.platform.HttpResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Public parking data: zones with their spaces, a zone's availability, one space's state. */
public final class ParkingApiHandler extends HttpApiHandler {
  /** Availability changes by the minute; a short cache still absorbs bursts from map apps. */
  private static final int AVAILABILITY_CACHE_SECONDS = 15;
  private static final int LAYOUT_CACHE_SECONDS = 3600;

  public ParkingApiHandler() {
    this(City.current(), Wiring.storesFromEnvironment().spaces(), Wiring.closuresFromEnvironment(),
        Wiring.silencesFromEnvironment());
  }

  public ParkingApiHandler(City city, SpaceStore spaces, SpaceClosures closures, SensorSilences silences) {
    this(ParkingLayout.of(city), spaces, closures, silences);
  }

  private ParkingApiHandler(ParkingLayout layout, SpaceStore spaces, SpaceClosures closures,
      SensorSilences silences) {
    super(List.of(
        new Endpoint("GET /parking/zones", request -> zones(layout)),
        new Endpoint("GET /parking/zones/{zone}/availability",
            request -> availability(layout, spaces, closures, silences, request)),
        new Endpoint("GET /parking/spaces/{spaceId}", request -> space(layout, spaces, closures, silences,
            request))));
  }

  record SpaceView(String spaceId, double lat, double lon) {}

  record ZoneView(String zone, @JsonProperty("class") String zoneClass, String tariff, String name, List<SpaceView> spaces) {}

  record Zones(List<ZoneView> zones) {}

  /** @param closedBy the (oldest) incident that closes the space; absent when none does */
  record SpaceStateView(String spaceId, String zone, String status, OffsetDateTime since,
      @JsonInclude(JsonInclude.Include.NON_NULL) ClosedBy closedBy) {}

  record ClosedBy(String incidentId) {}

  private static HttpResponse zones(ParkingLayout layout) {
    List<ZoneView> zones = layout.zones().stream()
        .map(z -> new ZoneView(z.zone(), z.zoneClass(), z.tariff(), z.name(),
            z.spaces().stream().map(s -> new SpaceView(s.spaceId(), s.lat(), s.lon())).toList()))
        .toList();
    return HttpResponse.ok(new Zones(zones)).cacheableFor(LAYOUT_CACHE_SECONDS);
  }

  private static HttpResponse availability(ParkingLayout layout, SpaceStore spaces, SpaceClosures closures,
      SensorSilences silences, HttpRequest request) {
    String zoneId = request.pathParameter("zone");
    ParkingLayout.Zone zone = layout.zone(zoneId).orElseThrow(() -> HttpError.notFound("no zone " + zoneId));
    return HttpResponse.ok(ZoneAvailability.of(zone, spaces.zone(zoneId), closures.zone(zoneId),
            silences.zone(zoneId)))
        .cacheableFor(AVAILABILITY_CACHE_SECONDS);
  }

  /**
   * A closed space says so whatever its sensor reports; its end shows the sensor's status again. A silent sensor's
   * space is unknown, since the silence began.
   */
  private static HttpResponse space(ParkingLayout layout, SpaceStore spaces, SpaceClosures closures,
      SensorSilences silences, HttpRequest request) {
    String spaceId = request.pathParameter("spaceId");
    ParkingLayout.Zone zone = layout.zoneOf(spaceId).orElseThrow(() -> HttpError.notFound("no space " + spaceId));
    List<Closure> closedBy = closures.of(zone.zone(), spaceId);
    if (!closedBy.isEmpty()) {
      Closure first = closedBy.get(0);
      return HttpResponse.ok(new SpaceStateView(spaceId, zone.zone(), SpaceStatus.CLOSED.wireName(),
          first.since().atOffset(ZoneOffset.UTC),
          new ClosedBy(first.incidentId())));
    }
    SpaceState state = spaces.head(zone.zone(), spaceId).map(SpaceHead::state).orElse(SpaceState.unknown(spaceId));
    Optional<SensorSilence> silence = silences.of(zone.zone(), spaceId).filter(s -> s.hides(state));
    if (silence.isPresent()) {
      return HttpResponse.ok(new SpaceStateView(spaceId, zone.zone(), SpaceStatus.UNKNOWN.wireName(),
          silence.get().silentSince().atOffset(ZoneOffset.UTC), null));
    }
    return HttpResponse.ok(new SpaceStateView(spaceId, zone.zone(), state.status().wireName(), state.since(), null));
  }
}
