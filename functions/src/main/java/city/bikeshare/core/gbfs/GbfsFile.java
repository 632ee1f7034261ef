package city.bikeshare.core.gbfs;

/**
 * The GBFS v3.0 files this system publishes, with how long a client (and a CDN) may keep each: the
 * static ones a day, the discovery file an hour, station status and alerts a minute.
 */
public enum GbfsFile {
  GBFS("gbfs", 3600),
  GBFS_VERSIONS("gbfs_versions", 86400),
  SYSTEM_INFORMATION("system_information", 86400),
  VEHICLE_TYPES("vehicle_types", 86400),
  STATION_INFORMATION("station_information", 86400),
  STATION_STATUS("station_status", 60),
  SYSTEM_PRICING_PLANS("system_pricing_plans", 86400),
  SYSTEM_ALERTS("system_alerts", 60);

  private final String feedName;
  private final int ttlSeconds;

  GbfsFile(String feedName, int ttlSeconds) {
    this.feedName = feedName;
    this.ttlSeconds = ttlSeconds;
  }

  public String feedName() {
    return feedName;
  }

  public int ttlSeconds() {
    return ttlSeconds;
  }

  public String path() {
    return "/gbfs/" + feedName + ".json";
  }

  public String routeKey() {
    return "GET " + path();
  }
}
