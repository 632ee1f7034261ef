package city.platform;

/** Cloud -> device messages: the commands a function publishes to the topics its catalog entry declares. */
public interface DevicePublisher {
  /** Publishes the value as JSON at QoS 1; throws when IoT Core did not accept it, so the caller retries. */
  void publish(String topic, Object message);
}
