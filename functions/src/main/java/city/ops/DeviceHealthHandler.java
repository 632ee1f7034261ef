package city.ops;

import city.platform.AwsClients;
import city.platform.City;
import city.platform.Config;
import city.platform.DeviceHealthStore;
import city.platform.DeviceHeartbeats;
import city.platform.DynamoDeadLetterStore;
import city.platform.DynamoDeviceHealth;
import city.platform.EventBridgePublisher;
import city.platform.EventPublisher;
import city.platform.InvalidInput;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The {@code integration_health} schedule (every 5 minutes): silent devices are reported on the city bus, and reported
 * back when they speak again. The schedule's event time is "now", so a run can be replayed.
 */
public final class DeviceHealthHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final DeviceHealthCheck check;
  private final Clock clock;

  public DeviceHealthHandler() {
    this(City.current(), new DynamoDeviceHealth(AwsClients.dynamoDb(), Config.required(DynamoDeadLetterStore.TABLE_ENV),
        DeviceHeartbeats.of(City.current())), EventBridgePublisher.fromEnvironment(), Clock.systemUTC());
  }

  public DeviceHealthHandler(City city, DeviceHealthStore store, EventPublisher events, Clock clock) {
    this.check = new DeviceHealthCheck(city, store, events);
    this.clock = clock;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Object time = event == null ? null : event.get("time");
    Instant now;
    try {
      now = time == null ? clock.instant() : OffsetDateTime.parse(time.toString()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInput("event time must be ISO-8601: " + time);
    }
    return check.run(now);
  }
}
