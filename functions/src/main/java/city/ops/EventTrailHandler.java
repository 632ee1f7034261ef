package city.ops;

import city.platform.AwsClients;
import city.platform.BusEvent;
import city.platform.Config;
import city.platform.DynamoDeadLetterStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Target of the bus rule that matches every city event: keeps each one in the trail ({@code GET /ops/events}). */
public final class EventTrailHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final EventTrail trail;

  public EventTrailHandler() {
    this(new DynamoEventTrail(AwsClients.dynamoDb(), Config.required(DynamoDeadLetterStore.TABLE_ENV)));
  }

  public EventTrailHandler(EventTrail trail) {
    this.trail = trail;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    BusEvent kept = BusEvent.delivered(event);
    trail.keep(kept);
    return Map.of("status", "kept", "eventId", kept.eventId());
  }
}
