package city.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A domain that describes itself: what it deploys and what triggers it, the device classes it speaks to,
 * and how its section of the city file (named after the domain) becomes devices. The catalog, the city
 * inventory, the twin and the CDK app only iterate over the modules; none of them names a domain.
 *
 * <p>Modules are found with {@link java.util.ServiceLoader}: a domain is registered by one line in
 * {@code META-INF/services/city.catalog.CityModule}.
 */
public interface CityModule {
  /** Tables, functions, topic rules, HTTP routes and schedules of the domain. */
  Domain declarations();

  /** The domain's name; also the name of its section of the city file. */
  default String name() {
    return declarations().name();
  }

  /** The device classes whose messages the domain's topic rules take or whose commands it sends. */
  default List<DeviceClass> deviceClasses() {
    return List.of();
  }

  /** The devices the domain's section of the city file provisions (a missing section reads as empty). */
  default List<Device> devices(JsonNode section) {
    return List.of();
  }
}
