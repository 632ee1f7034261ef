package city.ops;

import city.catalog.Device;
import city.platform.City;
import city.platform.DeadLetter;
import city.platform.DeadLetterStore;
import city.platform.DynamoDeadLetterStore;
import city.platform.Endpoint;
import city.platform.HttpApiHandler;
import city.platform.HttpResponse;
import city.platform.InvalidInput;
import city.platform.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Ops views that belong to no domain: the provisioned device inventory and the dead letters. */
public final class OpsApiHandler extends HttpApiHandler {
  private static final int DEFAULT_PAGE = 100;
  private static final int MAX_PAGE = 1000;

  public OpsApiHandler() {
    this(City.current(), DynamoDeadLetterStore.fromEnvironment());
  }

  public OpsApiHandler(City city, DeadLetterStore deadLetters) {
    super(List.of(
        new Endpoint("GET /ops/devices", request -> HttpResponse.ok(new Devices(devices(city)))),
        new Endpoint("GET /ops/dead-letters", request -> {
          int limit = request.query("limit").map(OpsApiHandler::limit).orElse(DEFAULT_PAGE);
          return HttpResponse.ok(new DeadLetters(deadLetters.recent(limit)));
        })));
  }

  record Devices(List<ObjectNode> devices) {}

  record DeadLetters(List<DeadLetter> deadLetters) {}

  /** Each device as the city file describes it, with its id and class first. */
  private static List<ObjectNode> devices(City city) {
    List<ObjectNode> devices = new ArrayList<>();
    for (Device device : city.devices()) {
      ObjectNode node = Json.MAPPER.createObjectNode();
      node.put("deviceId", device.deviceId());
      node.put("type", device.type().wireName());
      device.attributes().fields().forEachRemaining(field -> {
        if (!node.has(field.getKey()) && field.getValue().isValueNode()) {
          node.set(field.getKey(), field.getValue());
        }
      });
      devices.add(node);
    }
    return devices;
  }

  private static int limit(String text) {
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_PAGE) {
        return limit;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the same refusal as an out-of-range number
    }
    throw new InvalidInput("limit must be a whole number from 1 to " + MAX_PAGE);
  }
}
