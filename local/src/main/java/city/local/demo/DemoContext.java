package city.local.demo;

import city.platform.City;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What a demo part works with: the city, the simulated clock and timeline, the devices' MQTT link, the
 * twin's HTTP API with an ops token and citizen tokens, and a thread for people's app requests (off the
 * devices' timeline; a failed request is reported, and the summary shows what it left undone).
 */
public record DemoContext(
    City city,
    SimClock clock,
    EventLoop loop,
    DeviceLink devices,
    TwinHttp http,
    Executor apps,
    String opsToken,
    CitizenTokens citizenTokens,
    long seed,
    Instant start,
    Instant end) {

  /** A bearer token the twin accepts for a citizen with these plates. */
  @FunctionalInterface
  public interface CitizenTokens {
    String issue(String subject, List<String> plates);
  }
}
