package city.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A provisioned device: its id is the IoT thing name; {@code attributes} is its entry in the city file.
 */
public record Device(String deviceId, DeviceClass type, JsonNode attributes) {

  /** The devices of one class listed in a city-file array, each naming its id in {@code idField}. */
  public static List<Device> listed(JsonNode list, String idField, DeviceClass type) {
    List<Device> devices = new ArrayList<>();
    for (JsonNode entry : list) {
      String id = entry.path(idField).asText("");
      if (id.isEmpty()) {
        throw new IllegalArgumentException(type.wireName() + " without " + idField + ": " + entry);
      }
      devices.add(new Device(id, type, entry));
    }
    return devices;
  }
}
