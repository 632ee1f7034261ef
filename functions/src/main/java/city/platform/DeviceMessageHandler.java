package city.platform;

import city.catalog.Device;
import city.catalog.DeviceClass;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one adapter for topic-rule triggers. Checks what every device message must satisfy (known device of
 * this rule's class, size, a JSON object), then hands a {@link DeviceMessage} to the domain. Input that can
 * never succeed is dead-lettered with its reason and acknowledged (retrying it would only cost money); any
 * other failure is thrown so that Lambda retries and finally sends the event to the on-failure destination.
 */
public abstract class DeviceMessageHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  /** Far below IoT Core's 128 KB: no device of the contract sends more than a few hundred bytes. */
  public static final int MAX_PAYLOAD_BYTES = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(DeviceMessageHandler.class);

  private final DeviceClass deviceType;
  private final City city;
  private final DeadLetterStore deadLetters;
  private final DeviceTimeLimits timeLimits;
  private final DeviceLastSeen lastSeen;

  /** Records when devices speak in the Platform table when the function is given it ({@link DynamoDeviceHealth}). */
  protected DeviceMessageHandler(DeviceClass deviceType, City city, DeadLetterStore deadLetters) {
    this(deviceType, city, deadLetters, DynamoDeviceHealth.fromEnvironment(city));
  }

  protected DeviceMessageHandler(DeviceClass deviceType, City city, DeadLetterStore deadLetters, DeviceLastSeen lastSeen) {
    this.deviceType = deviceType;
    this.city = city;
    this.deadLetters = deadLetters;
    this.timeLimits = DeviceTimeLimits.of(city);
    this.lastSeen = lastSeen;
  }

  @Override
  public final Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    RuleEvent ruleEvent = RuleEvent.extract(event);
    DeviceMessage message;
    try {
      message = accept(ruleEvent);
    } catch (InvalidInput refused) {
      return deadLetter(ruleEvent, refused.getMessage());
    }
    recordSeen(message);
    try {
      handle(message);
    } catch (InvalidInput refused) {
      return deadLetter(ruleEvent, refused.getMessage());
    }
    return Map.of("status", "ok");
  }

  /** Pure: the checks every message gets before a domain sees it. */
  public DeviceMessage accept(RuleEvent event) {
    if (event.payload().length > MAX_PAYLOAD_BYTES) {
      throw new InvalidInput("payload too large: " + event.payload().length + " bytes, limit " + MAX_PAYLOAD_BYTES);
    }
    Device device = city.device(event.deviceId())
        .orElseThrow(() -> new InvalidInput("unknown device " + event.deviceId() + ": not in the city file"));
    if (!device.type().equals(deviceType)) {
      throw new InvalidInput("device " + event.deviceId() + " is a " + device.type().wireName()
          + ", not a " + deviceType.wireName());
    }
    JsonNode body = Json.parse(event.payload());
    if (!body.isObject()) {
      throw new InvalidInput("payload must be a JSON object");
    }
    return new DeviceMessage(event.topic(), event.deviceId(), event.receivedAt(), body, timeLimits);
  }

  protected abstract void handle(DeviceMessage message);

  /** Health bookkeeping never fails a device's message: the next one records it again. */
  private void recordSeen(DeviceMessage message) {
    try {
      lastSeen.seen(message.deviceId(), deviceType, message.receivedAt());
    } catch (RuntimeException e) {
      LOG.warn("last-seen of {} not recorded: {}", message.deviceId(), e.toString());
    }
  }

  protected City city() {
    return city;
  }

  private Map<String, Object> deadLetter(RuleEvent event, String reason) {
    // the payload may be anything a device sent: it goes to the dead-letter table, never to the log
    LOG.warn("dead-lettered message on {}: {}", event.topic(), reason);
    deadLetters.record(new DeadLetter(event.topic(), event.deviceId(), reason, event.receivedAt(), event.payloadText()));
    return Map.of("status", "dead-lettered", "reason", reason);
  }
}
