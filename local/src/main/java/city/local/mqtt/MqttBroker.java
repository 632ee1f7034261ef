package city.local.mqtt;

import city.local.iot.InboundMessage;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twin's IoT Core message broker: embedded Moquette on loopback, MQTT 3.1.1, anonymous clients,
 * nothing persisted, telemetry off, messages up to IoT Core's 128 KB. Every message a client publishes is
 * handed to {@code listener} (the rules engine) with the time the broker received it.
 */
public final class MqttBroker implements AutoCloseable {
  /** IoT Core's maximum message size. */
  public static final int MAX_MESSAGE_BYTES = 128 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(MqttBroker.class);
  private static final String INTERNAL_CLIENT = "twin-iot-data-plane";
  /** Moquette's name for the plain TCP transport in its map of bound ports. */
  private static final String PLAIN_MQTT = "TCP MQTT";

  /** Bounds the wait for the port only when something is truly broken; binding takes milliseconds. */
  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(30);

  private final Server server;
  private final int port;
  private volatile boolean running = true;

  private MqttBroker(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /** @param port the MQTT port, or 0 for a free one */
  public static MqttBroker start(int port, Consumer<InboundMessage> listener) {
    requireFree(port);
    Properties properties = new Properties();
    properties.setProperty("host", "127.0.0.1");
    properties.setProperty("port", Integer.toString(port));
    properties.setProperty("websocket_port", "disabled");
    properties.setProperty("allow_anonymous", "true");
    properties.setProperty("persistence_enabled", "false");
    properties.setProperty("telemetry_enabled", "false");
    properties.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE_BYTES + 1024));
    properties.setProperty("buffer_flush_millis", "immediate");
    Server server = new Server();
    try {
      server.startServer(new MemoryConfig(properties), List.of(new Interceptor(listener)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the MQTT broker on 127.0.0.1:" + port, e);
    }
    return new MqttBroker(server, boundPort(server));
  }

  public int port() {
    return port;
  }

  /**
   * Moquette learns the port it bound in a listener that Netty runs later on its own event loop, and keeps
   * it in a plain HashMap: {@link Server#getPort()} answers 0 for a moment after {@code startServer}
   * returns (longer on a busy machine), and its {@code computeIfAbsent} would race the listener's write.
   * So we only read that map, without writing, until the bound port shows.
   */
  private static int boundPort(Server server) {
    Map<?, ?> ports = acceptorPorts(server);
    long deadline = System.nanoTime() + BIND_TIMEOUT.toNanos();
    while (true) {
      Object bound = ports.get(PLAIN_MQTT);
      if (bound instanceof Integer port && port != 0) {
        return port;
      }
      if (System.nanoTime() > deadline) {
        server.stopServer();
        throw new IllegalStateException("the MQTT broker did not report its port within " + BIND_TIMEOUT);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        server.stopServer();
        throw new IllegalStateException("interrupted while the MQTT broker was binding", e);
      }
    }
  }

  private static Map<?, ?> acceptorPorts(Server server) {
    try {
      Field acceptorField = Server.class.getDeclaredField("acceptor");
      acceptorField.setAccessible(true);
      Object acceptor = acceptorField.get(server);
      Field portsField = acceptor.getClass().getDeclaredField("ports");
      portsField.setAccessible(true);
      return (Map<?, ?>) portsField.get(acceptor);
    } catch (ReflectiveOperationException | ClassCastException e) {
      server.stopServer();
      throw new IllegalStateException("this Moquette release keeps its bound ports elsewhere: update MqttBroker", e);
    }
  }

  /** Moquette only logs a failed bind and then waits forever: check first, and say which port. */
  private static void requireFree(int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new IllegalStateException("MQTT port " + port + " on 127.0.0.1 is in use: stop what holds it or pass --mqtt-port", e);
    }
  }

  /**
   * Delivers a message to subscribed devices, as the IoT data plane does. After {@link #close()} the
   * message is dropped: no device is connected any more, which IoT Core answers the same way.
   */
  public void publish(String topic, byte[] payload, int qos, boolean retain) {
    if (!running) {
      LOG.info("broker stopped: message to {} not delivered", topic);
      return;
    }
    try {
      server.internalPublish(MqttMessageBuilders.publish()
          .topicName(topic)
          .qos(MqttQoS.valueOf(qos))
          .retained(retain)
          .payload(Unpooled.wrappedBuffer(payload))
          .build(), INTERNAL_CLIENT);
    } catch (IllegalStateException stopping) {
      LOG.info("broker stopping: message to {} not delivered", topic);
    }
  }

  /** Disconnects every client and stops accepting messages; messages already received reach the listener first. */
  @Override
  public void close() {
    if (running) {
      running = false;
      server.stopServer();
    }
  }

  private static final class Interceptor extends AbstractInterceptHandler {
    private final Consumer<InboundMessage> listener;

    Interceptor(Consumer<InboundMessage> listener) {
      this.listener = listener;
    }

    @Override
    public String getID() {
      return "city-twin-rules-engine";
    }

    @Override
    public void onPublish(InterceptPublishMessage message) {
      long receivedAt = System.currentTimeMillis();
      ByteBuf payload = message.getPayload();
      try {
        listener.accept(new InboundMessage(message.getTopicName(), ByteBufUtil.getBytes(payload), message.getClientID(), receivedAt));
      } catch (RuntimeException e) {
        LOG.error("rules engine failed on a message to {}", message.getTopicName(), e);
      } finally {
        payload.release();
      }
    }

    @Override
    public void onSessionLoopError(Throwable error) {
      LOG.error("MQTT session loop error", error);
    }
  }
}
