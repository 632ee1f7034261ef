package city.local.demo;

import city.local.mqtt.ThingPolicy;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The simulated devices' MQTT connections to the twin's broker: one Paho client per device class (client id
 * {@code demo-<class>}, as the twin's MQTT operator), QoS 1, so a publish returns once the broker has the message. A share of the messages
 * goes out twice, as IoT Core's at-least-once delivery may hand them to the cloud.
 */
public final class DeviceLink implements AutoCloseable {
  static final double DUPLICATE_SHARE = 0.05;

  private final String broker;
  private final String operatorPassword;
  private final long seed;
  /** One generator per device class, so that one class's repeats do not depend on the others' timing. */
  private final Map<String, Random> duplicates = new LinkedHashMap<>();
  private final Map<String, MqttClient> clients = new LinkedHashMap<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong duplicated = new AtomicLong();
  private final AtomicLong received = new AtomicLong();

  /** One client per class publishes for many devices: it connects as the twin's operator, not as a thing. */
  DeviceLink(int mqttPort, String operatorPassword, long seed) {
    this.broker = "tcp://127.0.0.1:" + mqttPort;
    this.operatorPassword = operatorPassword;
    this.seed = seed;
  }

  /** Publishes the payload as JSON, and about {@link #DUPLICATE_SHARE} of the time a second time. */
  public void publish(String deviceClass, String topic, Object payload) {
    byte[] bytes = Json.bytes(payload);
    send(deviceClass, topic, bytes);
    Random repeats;
    synchronized (duplicates) {
      repeats = duplicates.computeIfAbsent(deviceClass, c -> new Random(seed * 1_000_003L + c.hashCode()));
    }
    if (repeats.nextDouble() < DUPLICATE_SHARE) {
      send(deviceClass, topic, bytes);
      duplicated.incrementAndGet();
    }
  }

  /** Exactly these bytes, once: for the messages the twin must refuse. */
  public void publishRaw(String deviceClass, String topic, byte[] bytes) {
    send(deviceClass, topic, bytes);
  }

  /**
   * Messages on {@code filter} reach the listener as (topic, parsed JSON). It runs on Paho's thread, so it
   * should only hand the work on.
   */
  public void subscribe(String deviceClass, String filter, BiConsumer<String, JsonNode> listener) {
    try {
      client(deviceClass).subscribe(filter, 1, (topic, message) -> {
        received.incrementAndGet();
        try {
          listener.accept(topic, Json.parse(message.getPayload()));
        } catch (RuntimeException e) {
          // an exception here would make Paho drop the connection: a bad cloud message must not stop a device
          System.err.printf("demo: %s could not handle a message on %s: %s%n", deviceClass, topic, e.getMessage());
        }
      });
    } catch (MqttException e) {
      throw new IllegalStateException("could not subscribe " + deviceClass + " to " + filter + ": " + e.getMessage(), e);
    }
  }

  long sent() {
    return sent.get();
  }

  long duplicated() {
    return duplicated.get();
  }

  long received() {
    return received.get();
  }

  private void send(String deviceClass, String topic, byte[] bytes) {
    try {
      client(deviceClass).publish(topic, bytes, 1, false);
      sent.incrementAndGet();
    } catch (MqttException e) {
      throw new IllegalStateException(deviceClass + " could not publish to " + topic + ": " + e.getMessage(), e);
    }
  }

  private synchronized MqttClient client(String deviceClass) throws MqttException {
    MqttClient client = clients.get(deviceClass);
    if (client == null) {
      client = new MqttClient(broker, "demo-" + deviceClass, new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setConnectionTimeout(5);
      options.setMaxInflight(100);
      options.setUserName(ThingPolicy.OPERATOR);
      options.setPassword(operatorPassword.toCharArray());
      client.setTimeToWait(10_000);
      client.connect(options);
      clients.put(deviceClass, client);
    }
    return client;
  }

  @Override
  public synchronized void close() {
    for (MqttClient client : clients.values()) {
      try {
        if (client.isConnected()) {
          client.disconnect(1_000);
        }
        client.close();
      } catch (MqttException e) {
        System.err.println("demo: closing the MQTT client " + client.getClientId() + " failed: " + e.getMessage());
      }
    }
    clients.clear();
  }
}
