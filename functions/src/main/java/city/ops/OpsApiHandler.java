package city.ops;

import city.catalog.Device;
import city.platform.AwsClients;
import city.platform.City;
import city.platform.Config;
import city.platform.DeadLetter;
import city.platform.DeadLetterStore;
import city.platform.DeviceHealthItem;
import city.platform.DeviceHealthStore;
import city.platform.DeviceHeartbeats;
import city.platform.DynamoDeviceHealth;
import city.platform.DynamoDeadLetterStore;
import city.platform.Endpoint;
import city.platform.HttpApiHandler;
import city.platform.HttpRequest;
import city.platform.HttpResponse;
import city.platform.InvalidInput;
import city.platform.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ops views that belong to no domain: the provisioned device inventory, the dead letters and the event trail. */
public final class OpsApiHandler extends HttpApiHandler {
  private static final int DEFAULT_PAGE = 100;
  private static final int MAX_PAGE = 1000;
  private static final Duration MAX_TRAIL_WINDOW = Duration.ofDays(31);

  public OpsApiHandler() {
    this(City.current(), DynamoDeadLetterStore.fromEnvironment(),
        new DynamoEventTrail(AwsClients.dynamoDb(), Config.required(DynamoDeadLetterStore.TABLE_ENV)),
        new DynamoDeviceHealth(AwsClients.dynamoDb(), Config.required(DynamoDeadLetterStore.TABLE_ENV),
            DeviceHeartbeats.of(City.current())), Clock.systemUTC());
  }

  public OpsApiHandler(City city, DeadLetterStore deadLetters, EventTrail trail, DeviceHealthStore health, Clock clock) {
    super(List.of(
        new Endpoint("GET /ops/devices", request -> HttpResponse.ok(new Devices(devices(city, health.all(), clock)))),
        new Endpoint("GET /ops/dead-letters", request -> {
          int limit = request.query("limit").map(OpsApiHandler::limit).orElse(DEFAULT_PAGE);
          return HttpResponse.ok(new DeadLetters(deadLetters.recent(limit)));
        }),
        new Endpoint("GET /ops/events", request -> events(trail, request, clock))));
  }

  record Devices(List<ObjectNode> devices) {}

  record DeadLetters(List<DeadLetter> deadLetters) {}

  /** One event as the trail lists it: EventBridge's envelope names. */
  record TrailEvent(String time, String source, @JsonProperty("detail-type") String detailType, String eventId,
      ObjectNode detail) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TrailPage(List<TrailEvent> events, String next) {}

  /** Newest first; {@code from} defaults to a day before {@code to}, {@code to} to now; at most 31 days at once. */
  private static HttpResponse events(EventTrail trail, HttpRequest request, Clock clock) {
    Instant to = request.query("to").map(t -> instant("to", t)).orElse(clock.instant());
    Instant from = request.query("from").map(t -> instant("from", t)).orElse(to.minus(Duration.ofDays(1)));
    if (from.isAfter(to)) {
      throw new InvalidInput("from must not be after to");
    }
    if (Duration.between(from, to).compareTo(MAX_TRAIL_WINDOW) > 0) {
      throw new InvalidInput("from and to may be at most " + MAX_TRAIL_WINDOW.toDays() + " days apart");
    }
    int limit = request.query("limit").map(OpsApiHandler::limit).orElse(DEFAULT_PAGE);
    EventTrail.Page page = trail.page(from, to, request.query("source"), request.query("type"), limit,
        request.query("next"));
    List<TrailEvent> events = page.events().stream()
        .map(e -> new TrailEvent(e.time().toString(), e.source(), e.detailType(), e.eventId(), e.detail()))
        .toList();
    return HttpResponse.ok(new TrailPage(events, page.next().orElse(null)));
  }

  private static Instant instant(String name, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInput(name + " must be an ISO-8601 time with offset, e.g. 2026-12-01T08:00:00Z");
    }
  }

  /**
   * Each device as the city file describes it, with its id and class first, then when it last spoke ({@code lastSeen},
   * null when never since it is watched; to a tenth of its heartbeat) and its {@code health} ({@code ok} or {@code silent}).
   */
  private static List<ObjectNode> devices(City city, Map<String, DeviceHealthItem> health, Clock clock) {
    DeviceHeartbeats heartbeats = DeviceHeartbeats.of(city);
    Instant now = clock.instant();
    List<ObjectNode> devices = new ArrayList<>();
    for (Device device : city.devices()) {
      ObjectNode node = Json.MAPPER.createObjectNode();
      node.put("deviceId", device.deviceId());
      node.put("type", device.type().wireName());
      DeviceHealthItem item = health.get(device.deviceId());
      node.put("lastSeen", item == null || item.lastSeen() == null ? null : item.lastSeen().toString());
      node.put("health", heartbeats.silentAfter(device.type())
          .map(heartbeat -> DeviceWatch.health(item, heartbeat, now)).orElse(DeviceWatch.OK));
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
