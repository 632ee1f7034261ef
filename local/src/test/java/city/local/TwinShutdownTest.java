package city.local;

import city.catalog.Catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;

/** Stopping loses no acknowledged message and leaves no process or port behind. */
class TwinShutdownTest {
  @Test
  void closeDrainsAcknowledgedMessagesThenStopsEverything() throws Exception {
    // retries wait longer than the broker takes to stop, so only an explicit drain lets them run
    Twin twin = Twin.start(TwinOptions.inMemory()
        .withCatalog(Catalog.standard().plus(new TestDomain()))
        .withRetryDelays(List.of(Duration.ofMillis(2500), Duration.ofMillis(100))));
    long dynalite = twin.dynalitePid();
    int mqttPort = twin.mqttPort();
    int httpPort = twin.httpPort();
    int messages = 12;
    String run = Long.toString(System.nanoTime());
    try {
      MqttClient device = TwinClient.connect(twin, "slow-device");
      for (int i = 0; i < messages; i++) {
        // QoS 1: publish returns after the broker's PUBACK
        device.publish("test/" + run + "/slow", ("{\"sleepMs\": 150, \"i\": " + i + "}").getBytes(StandardCharsets.UTF_8), 1, false);
        device.publish("test/" + run + "/flaky", ("{\"i\": " + i + "}").getBytes(StandardCharsets.UTF_8), 1, false);
      }
      device.disconnect();
      device.close();
    } finally {
      twin.close();
    }

    List<Map<String, Object>> handled = RecordingHandler.events().stream().filter(e -> run.equals(e.get("id"))).toList();
    assertEquals(messages, handled.size(), "every acknowledged message was handled before the twin stopped");
    long retried = FailOnceHandler.SUCCEEDED.stream().filter(key -> key.startsWith(run + "#")).count();
    assertEquals(messages, retried, "retries waiting at shutdown still ran");
    assertFalse(ProcessHandle.of(dynalite).map(ProcessHandle::isAlive).orElse(false), "dynalite is gone");
    assertThrows(IOException.class, () -> connect(mqttPort), "MQTT port closed");
    assertThrows(IOException.class, () -> connect(httpPort), "HTTP port closed");
  }

  @Test
  void aTwinCanStartAgainAfterClose() {
    try (Twin first = Twin.start(TwinOptions.inMemory())) {
      assertThrows(IllegalStateException.class, () -> Twin.start(TwinOptions.inMemory()), "one twin per JVM");
    }
    try (Twin second = Twin.start(TwinOptions.inMemory())) {
      assertEquals(404, TwinClient.get(second, "/nothing", null).statusCode());
    }
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) Duration.ofSeconds(1).toMillis());
    }
  }
}
