package city.platform;

/** Cloud -> device messages (dispatch orders, truck tasks, enforcement alerts). */
public interface DevicePublisher {
  /** Publishes the value as JSON at QoS 1; throws when IoT Core did not accept it, so the caller retries. */
  void publish(String topic, Object message);
}
