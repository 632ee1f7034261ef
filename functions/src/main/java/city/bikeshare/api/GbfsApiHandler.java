package city.bikeshare.api;

import city.bikeshare.core.BikeshareLayout;
import city.bikeshare.core.gbfs.GbfsFeeds;
import city.bikeshare.core.gbfs.GbfsFile;
import city.bikeshare.core.store.DockSilences;
import city.bikeshare.core.store.StationClosures;
import city.bikeshare.core.store.StationStore;
import city.platform.City;
import city.platform.Config;
import city.platform.Endpoint;
import city.platform.HttpApiHandler;
import city.platform.HttpError;
import city.platform.HttpRequest;
import city.platform.HttpResponse;
import city.platform.Json;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The public GBFS v3.0 dataset. The files that only depend on the city file are serialised once per
 * execution environment; station_status is three queries (the stations, the closures, the silent docks),
 * system_alerts one. Every
 * response may be cached for its file's ttl.
 */
public final class GbfsApiHandler extends HttpApiHandler {
  public GbfsApiHandler() {
    this(City.current(), Wiring.stations(), Wiring.closures(), Wiring.dockSilences(), Clock.systemUTC(),
        Config.optional(GbfsUrls.BASE_URL));
  }

  public GbfsApiHandler(City city, StationStore stations, StationClosures closures, DockSilences silences,
      Clock clock,
      Optional<String> baseUrl) {
    this(new GbfsFeeds(BikeshareLayout.of(city)), stations, closures, silences, clock, baseUrl);
  }

  private GbfsApiHandler(GbfsFeeds feeds, StationStore stations, StationClosures closures, DockSilences silences,
      Clock clock,
      Optional<String> baseUrl) {
    super(endpoints(feeds, stations, closures, silences, clock, baseUrl));
  }

  private static List<Endpoint> endpoints(GbfsFeeds feeds, StationStore stations, StationClosures closures, DockSilences silences,
      Clock clock,
      Optional<String> baseUrl) {
    String systemInformation = Json.write(feeds.systemInformation());
    String vehicleTypes = Json.write(feeds.vehicleTypes());
    String stationInformation = Json.write(feeds.stationInformation());
    Optional<String> pricing = feeds.published().contains(GbfsFile.SYSTEM_PRICING_PLANS)
        ? Optional.of(Json.write(feeds.pricingPlans()))
        : Optional.empty();
    Function<HttpRequest, String> base = request -> GbfsUrls.baseUrl(request, baseUrl);
    return List.of(
        endpoint(GbfsFile.GBFS, request -> Json.write(feeds.discovery(base.apply(request)))),
        endpoint(GbfsFile.GBFS_VERSIONS, request -> Json.write(feeds.versions(base.apply(request)))),
        endpoint(GbfsFile.SYSTEM_INFORMATION, request -> systemInformation),
        endpoint(GbfsFile.VEHICLE_TYPES, request -> vehicleTypes),
        endpoint(GbfsFile.STATION_INFORMATION, request -> stationInformation),
        endpoint(GbfsFile.STATION_STATUS, request -> Json.write(
            feeds.stationStatus(stations.latest(), closures.active(), silences.silent(), clock.instant()))),
        endpoint(GbfsFile.SYSTEM_ALERTS, request -> Json.write(feeds.systemAlerts(closures.active(), clock.instant()))),
        endpoint(GbfsFile.SYSTEM_PRICING_PLANS, request -> pricing.orElseThrow(
            () -> HttpError.notFound("this system publishes no pricing plans"))));
  }

  private static Endpoint endpoint(GbfsFile file, Function<HttpRequest, String> body) {
    return new Endpoint(file.routeKey(), request -> HttpResponse.ok(body.apply(request))
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .cacheableFor(file.ttlSeconds()));
  }
}
