package city.platform;

import city.catalog.Catalog;
import city.catalog.CityModule;
import city.catalog.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The city file: the one description of a city's zones, devices, units and stations that the twin, the
 * CDK app and every handler read. Each domain maps its own section; the platform only keeps the device
 * inventory (which each module fills from its section), because refusing unknown devices happens before
 * any domain sees a message.
 */
public final class City {
  /** Path of the city file; in Lambda it is packaged beside the jar as {@code city.json}. */
  public static final String CITY_FILE = "CITY_FILE";

  private static volatile City current;

  private final JsonNode root;
  private final ZoneId timeZone;
  private final Map<String, Device> devices;

  private City(JsonNode root, List<CityModule> modules) {
    this.root = root;
    JsonNode info = root.path("city");
    if (!info.hasNonNull("id") || !info.hasNonNull("timeZone")) {
      throw new IllegalArgumentException("city file needs city.id and city.timeZone");
    }
    this.timeZone = ZoneId.of(info.get("timeZone").asText());
    this.devices = inventory(root, modules);
  }

  /** The city as the standard catalog's modules read it. */
  public static City parse(JsonNode root) {
    return parse(root, Catalog.standard().modules());
  }

  public static City parse(JsonNode root, List<CityModule> modules) {
    return new City(root, modules);
  }

  public static City load(Path file) {
    return load(file, Catalog.standard().modules());
  }

  public static City load(Path file, List<CityModule> modules) {
    try {
      return parse(Json.MAPPER.readTree(Files.readAllBytes(file)), modules);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read city file " + file, e);
    }
  }

  /** The city of this execution environment, loaded once from {@code CITY_FILE} or the classpath. */
  public static City current() {
    City city = current;
    if (city == null) {
      synchronized (City.class) {
        if (current == null) {
          current = Config.optional(CITY_FILE).map(Path::of).map(City::load).orElseGet(City::fromClasspath);
        }
        city = current;
      }
    }
    return city;
  }

  private static City fromClasspath() {
    try (InputStream in = City.class.getResourceAsStream("/city.json")) {
      if (in == null) {
        throw new IllegalStateException("no city file: set " + CITY_FILE + " or package city.json");
      }
      return parse(Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String id() {
    return root.path("city").path("id").asText();
  }

  public String name() {
    return root.path("city").path("name").asText(id());
  }

  public ZoneId timeZone() {
    return timeZone;
  }

  /** A domain's part of the file (named after its module); missing sections read as empty. */
  public JsonNode section(String name) {
    JsonNode node = root.get(name);
    return node == null ? MissingNode.getInstance() : node;
  }

  public JsonNode root() {
    return root;
  }

  public Optional<Device> device(String deviceId) {
    return Optional.ofNullable(devices.get(deviceId));
  }

  public List<Device> devices() {
    return List.copyOf(devices.values());
  }

  /** Each module's devices from its own section; thing names are unique across classes. */
  private static Map<String, Device> inventory(JsonNode root, List<CityModule> modules) {
    Map<String, Device> found = new LinkedHashMap<>();
    for (CityModule module : modules) {
      for (Device device : module.devices(root.path(module.name()))) {
        Device previous = found.put(device.deviceId(), device);
        if (previous != null) {
          throw new IllegalArgumentException("device id " + device.deviceId() + " is used twice ("
              + previous.type().wireName() + " and " + device.type().wireName() + "): thing names must be unique");
        }
      }
    }
    return found;
  }
}
