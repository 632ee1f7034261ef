package city.local.mqtt;

import city.local.iot.InboundMessage;
import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedExtension;
import city.local.files.OwnerOnlyFolder;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.client.parameter.Listener;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twin's IoT Core message broker: embedded HiveMQ Community Edition on loopback, MQTT 5 and 3.1.1 (3.1
 * refused, as IoT Core does), messages up to IoT Core's 128 KB, anonymous usage statistics off. Who may
 * connect, publish and subscribe is the {@link ThingPolicy}'s decision; a device's publish is acknowledged
 * (PUBACK) only once {@link Intake} has accepted it, so the intake decides what an acknowledgement promises.
 *
 * <p>HiveMQ keeps sessions and retained messages in memory: the twin's durability lives in its own
 * journal, and a device reconnecting after a restart subscribes again.
 */
public final class MqttBroker implements AutoCloseable {
  /** IoT Core's maximum message size. */
  public static final int MAX_MESSAGE_BYTES = 128 * 1024;
  /** Room for the topic and the MQTT 5 properties around a payload of the maximum size. */
  private static final int MAX_PACKET_BYTES = MAX_MESSAGE_BYTES + 8 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(MqttBroker.class);
  /** Bounds the wait for start and stop only when something is truly broken; both take well under a second. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /** Takes a device's message; the broker acknowledges it when the returned stage completes normally. */
  @FunctionalInterface
  public interface Intake {
    CompletableFuture<?> accept(InboundMessage message);
  }

  private final EmbeddedHiveMQ hivemq;
  private final Path workFolder;
  private final boolean deleteWorkFolder;
  private final int port;
  private volatile boolean running = true;

  private MqttBroker(EmbeddedHiveMQ hivemq, Path workFolder, boolean deleteWorkFolder, int port) {
    this.hivemq = hivemq;
    this.workFolder = workFolder;
    this.deleteWorkFolder = deleteWorkFolder;
    this.port = port;
  }

  /**
   * @param port the MQTT port, or 0 for a free one
   * @param workFolder where HiveMQ keeps its configuration and scratch files; empty for a temporary folder
   *     removed on {@link #close()}
   */
  public static MqttBroker start(int port, Optional<Path> workFolder, ThingPolicy policy, Intake intake) {
    requireFree(port);
    Path folder;
    try {
      folder = workFolder.isPresent() ? OwnerOnlyFolder.ensure(workFolder.get()) : Files.createTempDirectory("city-mqtt-");
      Files.createDirectories(folder.resolve("conf"));
      Files.createDirectories(folder.resolve("data"));
      Files.createDirectories(folder.resolve("extensions"));
      Files.writeString(folder.resolve("conf").resolve("config.xml"), config(port), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the MQTT broker's folder", e);
    }
    EmbeddedExtension extension = EmbeddedExtension.builder()
        .withId("city-twin")
        .withName("city twin: IoT Core policies and the rules engine's intake")
        .withVersion("1")
        .withPriority(1000)
        .withStartPriority(1000)
        .withExtensionMain(new TwinExtension(policy, intake))
        .build();
    // Basic Ingest publishes to $aws/rules/...: IoT Core accepts it, the policy decides who may
    InternalConfigurations.MQTT_ALLOW_DOLLAR_TOPICS.set(true);
    EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
        .withConfigurationFolder(folder.resolve("conf"))
        .withDataFolder(folder.resolve("data"))
        .withExtensionsFolder(folder.resolve("extensions"))
        .withEmbeddedExtension(extension)
        // the twin logs through slf4j; HiveMQ must not reconfigure logging for the whole JVM
        .withoutLoggingBootstrap()
        .build();
    try {
      hivemq.start().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      closeQuietly(hivemq);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the MQTT broker did not start on 127.0.0.1:" + port + ": " + e, e);
    }
    // HiveMQ writes its folders and files with the default umask, and later ones inside these folders only
    OwnerOnlyFolder.tighten(folder);
    return new MqttBroker(hivemq, folder, workFolder.isEmpty(), boundPort());
  }

  private static String config(int port) {
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>127.0.0.1</bind-address>
            </tcp-listener>
          </listeners>
          <mqtt>
            <packets>
              <max-packet-size>%d</max-packet-size>
            </packets>
          </mqtt>
          <persistence>
            <mode>in-memory</mode>
          </persistence>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """.formatted(port, MAX_PACKET_BYTES);
  }

  /** HiveMQ sets the port Netty bound on its listener before {@code start()} completes. */
  private static int boundPort() {
    return Services.adminService().getServerInformation().getListener().stream()
        .mapToInt(Listener::getPort)
        .filter(p -> p != 0)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the MQTT broker started without a bound TCP listener"));
  }

  public int port() {
    return port;
  }

  /** HiveMQ would log a failed bind and carry on without a listener: check first, and say which port. */
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
      Services.publishService().publish(Builders.publish()
          .topic(topic)
          .qos(qos == 0 ? Qos.AT_MOST_ONCE : Qos.AT_LEAST_ONCE)
          .retain(retain)
          .payload(ByteBuffer.wrap(payload))
          .build());
    } catch (RuntimeException stopping) {
      LOG.info("broker stopping: message to {} not delivered ({})", topic, stopping.toString());
    }
  }

  /** Disconnects every client and stops accepting messages. */
  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    closeQuietly(hivemq);
    if (deleteWorkFolder) {
      try (Stream<Path> files = Files.walk(workFolder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        LOG.debug("could not remove {}", workFolder, e);
      }
    }
  }

  /** Stops and releases HiveMQ (its close stops it first); waits until every client is disconnected. */
  private static void closeQuietly(EmbeddedHiveMQ hivemq) {
    try {
      hivemq.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.debug("closing the MQTT broker: {}", e.toString());
    }
  }

  /** Registers the policy's authenticator and authorizers with HiveMQ. */
  private static final class TwinExtension implements ExtensionMain {
    private final ThingPolicy policy;
    private final Intake intake;

    TwinExtension(ThingPolicy policy, Intake intake) {
      this.policy = policy;
      this.intake = intake;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
      Services.securityRegistry().setAuthenticatorProvider(providerInput -> new PolicyAuthenticator(policy));
      PolicyAuthorizer authorizer = new PolicyAuthorizer(policy, intake);
      Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
      // nothing to release: the registry goes with the broker
    }
  }
}
