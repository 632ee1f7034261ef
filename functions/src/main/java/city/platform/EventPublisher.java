package city.platform;

/**
 * Puts events on the city bus: EventBridge in the cloud, the twin's PutEvents endpoint locally. A producer
 * publishes after its state change, and again whenever a retry finds that change already done, so no event is
 * lost between a write and its publish.
 */
public interface EventPublisher {
  /** Throws when the bus did not accept the event, so the invocation fails and is retried. */
  void publish(BusEvent event);
}
