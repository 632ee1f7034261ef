package city.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.TopicRule;
import city.local.dynamodb.LocalDynamoDb;
import city.platform.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every device topic of the catalog, over MQTT through the twin: a device time further ahead of its arrival than
 * platform.maxClockSkew (24 h) or older than platform.maxMessageAge (30 days) is a dead letter with the reason.
 * The sample message of each rule (events/) is sent with only its {@code ts} changed.
 */
class DeviceTimeLimitsTwinTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  /** Its function times a message by its arrival and never reads {@code ts} (a unit's ack). */
  private static final Set<String> TIMED_BY_ARRIVAL = Set.of("DispatchAcks");
  private static Twin twin;
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void start() {
    twin = Twin.start(TwinOptions.inMemory().withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100))));
    dynamoDb = LocalDynamoDb.client(twin.dynamoDbEndpoint(), "cn-north-1");
  }

  @AfterAll
  static void stop() {
    if (dynamoDb != null) {
      dynamoDb.close();
    }
    if (twin != null) {
      twin.close();
    }
  }

  record Sent(String topic, String payload, String limit) {}

  @Test
  void aDeviceTimeOutsideTheClockLimitsIsDeadLetteredOnEveryDeviceTopic() throws Exception {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
    List<Sent> sent = new ArrayList<>();
    for (TopicRule rule : Catalog.standard().rules()) {
      if (TIMED_BY_ARRIVAL.contains(rule.functionId())) {
        continue;
      }
      DeviceSamples sample = DeviceSamples.of(rule);
      MqttClient device = TwinClient.connect(twin, sample.deviceId());
      try {
        for (Sent wrong : List.of(
            sent(sample, "2016-03-01T08:00:00+08:00", "platform.maxMessageAge"),
            sent(sample, now.minusDays(31).toString(), "platform.maxMessageAge"),
            sent(sample, now.plusHours(25).toString(), "platform.maxClockSkew"),
            sent(sample, "9999-12-31T23:59:59+08:00", "platform.maxClockSkew"))) {
          device.publish(wrong.topic(), wrong.payload().getBytes(StandardCharsets.UTF_8), 1, false);
          sent.add(wrong);
        }
      } finally {
        device.disconnect();
        device.close();
      }
    }
    assertTrue(twin.awaitIdle(WAIT));
    List<DeadLetterTable.Letter> letters = Eventually.await(sent.size() + " dead letters", WAIT,
        () -> DeadLetterTable.all(dynamoDb), all -> all.size() >= sent.size());
    for (Sent wrong : sent) {
      DeadLetterTable.Letter letter = letters.stream()
          .filter(l -> l.topic().equals(wrong.topic()) && l.payload().equals(wrong.payload()))
          .findFirst().orElseThrow(() -> new AssertionError("no dead letter for " + wrong));
      assertTrue(letter.reason().contains(wrong.limit()) && letter.reason().contains("field ts"),
          wrong + ": " + letter.reason());
    }
    assertEquals(sent.size(), letters.size(), "nothing else was refused: " + letters);
  }

  private static Sent sent(DeviceSamples sample, String ts, String limit) {
    ObjectNode payload = sample.payloadCopy();
    payload.put("ts", ts);
    return new Sent(sample.topic(), Json.write(payload), limit);
  }
}
