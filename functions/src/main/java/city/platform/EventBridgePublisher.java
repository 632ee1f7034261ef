package city.platform;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/** Publishes with the SDK's EventBridge client onto the bus named by {@value #EVENT_BUS} (set on producers only). */
public final class EventBridgePublisher implements EventPublisher {
  public static final String EVENT_BUS = "EVENT_BUS";

  private final EventBridgeClient client;
  private final String bus;

  public EventBridgePublisher(EventBridgeClient client, String bus) {
    this.client = client;
    this.bus = bus;
  }

  /**
   * Resolved on the first publish, so a handler that shares its wiring with a publisher but never publishes needs
   * neither the client nor {@value #EVENT_BUS}; one that publishes without being declared a publisher fails loudly.
   */
  public static EventPublisher fromEnvironment() {
    return event -> new EventBridgePublisher(AwsClients.eventBridge(), Config.required(EVENT_BUS)).publish(event);
  }

  @Override
  public void publish(BusEvent event) {
    PutEventsResponse response = client.putEvents(request -> request.entries(PutEventsRequestEntry.builder()
        .eventBusName(bus)
        .source(event.source())
        .detailType(event.detailType())
        .time(event.time())
        .detail(Json.write(event.detail()))
        .build()));
    // PutEvents answers 200 even when it refused the entry: only FailedEntryCount says so
    if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
      var entry = response.entries().get(0);
      throw new IllegalStateException("the bus refused " + event.detailType() + " " + event.eventId() + ": "
          + entry.errorCode() + " " + entry.errorMessage());
    }
  }
}
