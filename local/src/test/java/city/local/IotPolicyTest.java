package city.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;

import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker answers as IoT Core with the deployed policies does, to real MQTT 3.1.1 and MQTT 5 clients: a
 * device connects only as a provisioned thing, publishes only on its own topics and subscribes only to its
 * own commands; MQTT 3.1 is refused; S9 cannot change S10's state.
 */
class IotPolicyTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static Twin twin;

  @BeforeAll
  static void start() {
    twin = Twin.start(TwinOptions.inMemory());
  }

  @AfterAll
  static void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  private static byte[] reading(int seq) {
    return ("{\"occupied\": true, \"ts\": \"" + java.time.OffsetDateTime.now().minusMinutes(5) + "\", \"seq\": " + seq + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String status(String space) {
    var response = TwinClient.get(twin, "/parking/spaces/" + space, null);
    return response.statusCode() == 200 ? TwinClient.json(response).path("status").asText() : "HTTP " + response.statusCode();
  }

  @Test
  void mqtt311DeviceThatPublishesOnAnotherThingsTopicIsDisconnectedAndChangesNothing() throws Exception {
    String before = status("S10");
    MqttClient s9 = TwinClient.connectAsDevice(twin, "S9");
    try {
      s9.publish("parking/spaces/S9/occupancy", reading(1), 1, false);
      MqttException refused = assertThrows(MqttException.class,
          () -> s9.publish("parking/spaces/S10/occupancy", reading(1), 1, false));
      assertFalse(s9.isConnected(), "IoT Core closes an MQTT 3.1.1 connection that publishes outside its policy: " + refused);
    } finally {
      s9.close();
    }
    assertTrue(twin.awaitIdle(WAIT));
    assertEquals("occupied", status("S9"), "its own topic works");
    assertEquals(before, status("S10"), "S9 cannot change S10's state");
  }

  @Test
  void mqtt5DeviceGetsNotAuthorizedForAnotherThingsTopicAndItsOwnWorks() throws Exception {
    String before = status("S12");
    org.eclipse.paho.mqttv5.client.MqttAsyncClient s11 = mqtt5("S11");
    try {
      org.eclipse.paho.mqttv5.client.IMqttToken own = s11.publish("$aws/rules/parking_occupancy/parking/spaces/S11/occupancy", new MqttMessage(reading(1), 1, false, null));
      own.waitForCompletion(10_000);
      // HiveMQ answers 0x10 (success, no matching subscribers) where IoT Core answers 0x00: both below 0x80
      assertTrue(own.getReasonCodes()[0] < 0x80, "success on its own Basic Ingest topic: " + own.getReasonCodes()[0]);
      org.eclipse.paho.mqttv5.client.IMqttToken other = s11.publish("parking/spaces/S12/occupancy", new MqttMessage(reading(1), 1, false, null));
      int reason = waitForReason(other);
      assertEquals(0x87, reason, "PUBACK with reason code 0x87 (not authorized)");
    } finally {
      s11.disconnectForcibly(1000, 1000, false);
      s11.close();
    }
    assertTrue(twin.awaitIdle(WAIT));
    assertEquals("occupied", status("S11"));
    assertEquals(before, status("S12"));
  }

  @Test
  void mqtt5ConnectsWithAValidConnack() throws Exception {
    org.eclipse.paho.mqttv5.client.MqttAsyncClient unit = mqtt5("U1");
    try {
      assertTrue(unit.isConnected());
    } finally {
      unit.disconnect().waitForCompletion(5_000);
      unit.close();
    }
  }

  @Test
  void onlyProvisionedThingNamesConnect() {
    MqttException refused = assertThrows(MqttException.class, () -> TwinClient.connectAsDevice(twin, "intruder-1"));
    assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, refused.getReasonCode());
    org.eclipse.paho.mqttv5.common.MqttException refused5 = assertThrows(org.eclipse.paho.mqttv5.common.MqttException.class,
        () -> mqtt5("intruder-2"));
    assertEquals(0x87, refused5.getReasonCode(), "CONNACK not authorized");
  }

  @Test
  void mqtt31IsRefusedAsIotCoreRefusesIt() {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
    options.setConnectionTimeout(5);
    MqttException refused = assertThrows(MqttException.class, () -> TwinClient.connect(twin, "S1", options));
    assertEquals(MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION, refused.getReasonCode());
  }

  @Test
  void theOperatorNeedsItsPassword() {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setUserName(city.local.mqtt.ThingPolicy.OPERATOR);
    options.setPassword("guess".toCharArray());
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    MqttException refused = assertThrows(MqttException.class, () -> TwinClient.connect(twin, "tool", options));
    assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, refused.getReasonCode());
  }

  @Test
  void aUnitSubscribesToItsOwnCommandsOnlyAndReceivesThem() throws Exception {
    MqttClient u2 = TwinClient.connectAsDevice(twin, "U2");
    try {
      LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
      IMqttToken own = u2.subscribeWithResponse("units/U2/dispatch", 1, (topic, message) -> received.add(topic));
      assertEquals(1, own.getGrantedQos()[0]);
      int other;
      try {
        other = u2.subscribeWithResponse("units/U3/dispatch", 1).getGrantedQos()[0];
      } catch (MqttException failed) {
        other = failed.getReasonCode();
      }
      assertEquals(0x80, other, "SUBACK failure for another unit's commands");
      int wildcard;
      try {
        wildcard = u2.subscribeWithResponse("units/+/dispatch", 1).getGrantedQos()[0];
      } catch (MqttException failed) {
        wildcard = failed.getReasonCode();
      }
      assertEquals(0x80, wildcard, "no wildcard over other units");
      MqttClient operator = TwinClient.connect(twin, "ops-tool");
      try {
        operator.publish("units/U2/dispatch", "{}".getBytes(StandardCharsets.UTF_8), 1, false);
      } finally {
        operator.disconnect();
        operator.close();
      }
      assertEquals("units/U2/dispatch", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    } finally {
      u2.disconnect();
      u2.close();
    }
  }

  private static org.eclipse.paho.mqttv5.client.MqttAsyncClient mqtt5(String clientId) throws org.eclipse.paho.mqttv5.common.MqttException {
    org.eclipse.paho.mqttv5.client.MqttAsyncClient client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient("tcp://127.0.0.1:" + twin.mqttPort(), clientId, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setConnectionTimeout(5);
    client.connect(options).waitForCompletion(10_000);
    return client;
  }

  private static int waitForReason(org.eclipse.paho.mqttv5.client.IMqttToken token) {
    try {
      token.waitForCompletion(10_000);
      return token.getReasonCodes()[0];
    } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
      return e.getReasonCode();
    }
  }
}
