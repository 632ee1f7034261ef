package city.platform;

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
 * CDK app and every handler read. Each domain maps its own section; the platform only knows the device
 * inventory, because refusing unknown devices happens before any domain sees a message.
 */
public final class City {
  /** Path of the city file; in Lambda it is packaged beside the jar as {@code city.json}. */
  public static final String CITY_FILE = "CITY_FILE";

  private static volatile City current;

  private final JsonNode root;
  private final ZoneId timeZone;
  private final Map<String, Device> devices;

  private City(JsonNode root) {
    this.root = root;
    JsonNode info = root.path("city");
    if (!info.hasNonNull("id") || !info.hasNonNull("timeZone")) {
      throw new IllegalArgumentException("city file needs city.id and city.timeZone");
    }
    this.timeZone = ZoneId.of(info.get("timeZone").asText());
    this.devices = inventory(root);
  }

  public static City parse(JsonNode root) {
    return new City(root);
  }

  public static City load(Path file) {
    try {
      return parse(Json.MAPPER.readTree(Files.readAllBytes(file)));
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

  /** A domain's part of the file ("parking", "dispatch", "bikeshare"); missing sections read as empty. */
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

  /** Where each device class lives in the file: the device contract's thing names. */
  private static Map<String, Device> inventory(JsonNode root) {
    Map<String, Device> found = new LinkedHashMap<>();
    for (JsonNode zone : root.path("parking").path("zones")) {
      for (JsonNode space : zone.path("spaces")) {
        add(found, space, "spaceId", DeviceType.PARKING_SENSOR);
      }
    }
    addAll(found, root.path("parking").path("cameras"), "cameraId", DeviceType.PLATE_CAMERA);
    addAll(found, root.path("dispatch").path("sensors"), "sensorId", DeviceType.SAFETY_SENSOR);
    addAll(found, root.path("dispatch").path("units"), "unitId", DeviceType.UNIT);
    addAll(found, root.path("bikeshare").path("stations"), "stationId", DeviceType.DOCK);
    addAll(found, root.path("bikeshare").path("trucks"), "truckId", DeviceType.TRUCK);
    return found;
  }

  private static void addAll(Map<String, Device> found, JsonNode list, String idField, DeviceType type) {
    for (JsonNode node : list) {
      add(found, node, idField, type);
    }
  }

  private static void add(Map<String, Device> found, JsonNode node, String idField, DeviceType type) {
    String id = node.path(idField).asText("");
    if (id.isEmpty()) {
      throw new IllegalArgumentException(type.wireName() + " without " + idField + ": " + node);
    }
    Device previous = found.put(id, new Device(id, type, node));
    if (previous != null) {
      throw new IllegalArgumentException("device id " + id + " is used twice (" + previous.type().wireName()
          + " and " + type.wireName() + "): thing names must be unique");
    }
  }

  /** A provisioned device; {@code attributes} is its entry in the city file. */
  public record Device(String deviceId, DeviceType type, JsonNode attributes) {}
}
