package city.local.mqtt;

import city.local.iot.InboundMessage;
import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PUBLISH and SUBSCRIBE as IoT Core's policy evaluation answers them, and the rules engine's intake. A
 * refused publish closes an MQTT 3.1.1 connection and gets PUBACK "not authorized" then DISCONNECT on MQTT 5
 * (IoT Core's behaviour); a refused subscription gets a SUBACK failure. An allowed publish is handed to the
 * intake, and HiveMQ acknowledges it only once the intake has taken it: this is the last hook before the
 * PUBACK (HiveMQ runs inbound interceptors before authorization, so they would see refused messages too).
 */
final class PolicyAuthorizer implements PublishAuthorizer, SubscriptionAuthorizer {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyAuthorizer.class);
  /** Far above a journal's fsync; when it passes, the message is refused rather than acknowledged. */
  private static final Duration INTAKE_TIMEOUT = Duration.ofSeconds(30);

  private final ThingPolicy policy;
  private final MqttBroker.Intake intake;

  PolicyAuthorizer(ThingPolicy policy, MqttBroker.Intake intake) {
    this.policy = policy;
    this.intake = intake;
  }

  @Override
  public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
    long receivedAt = System.currentTimeMillis();
    String clientId = input.getClientInformation().getClientId();
    PublishPacket publish = input.getPublishPacket();
    String topic = publish.getTopic();
    if (!identity(clientId, input.getConnectionInformation()).mayPublish(topic)) {
      LOG.info("refused publish of {} to {}: not in its policy", clientId, topic);
      output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "not authorized to publish to " + topic);
      return;
    }
    byte[] payload = publish.getPayload().map(PolicyAuthorizer::bytes).orElse(new byte[0]);
    Async<PublishAuthorizerOutput> async = output.async(INTAKE_TIMEOUT, TimeoutFallback.FAILURE);
    intake.accept(new InboundMessage(topic, payload, clientId, receivedAt)).whenComplete((accepted, error) -> {
      if (error == null) {
        output.authorizeSuccessfully();
      } else {
        LOG.error("the rules engine could not take a message to {}: not acknowledged", topic, error);
        output.failAuthorization(AckReasonCode.UNSPECIFIED_ERROR, "the twin could not keep the message");
      }
      async.resume();
    });
  }

  @Override
  public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
    String clientId = input.getClientInformation().getClientId();
    String filter = input.getSubscription().getTopicFilter();
    if (identity(clientId, input.getConnectionInformation()).maySubscribe(filter)) {
      output.authorizeSuccessfully();
    } else {
      LOG.info("refused subscription of {} to {}: not in its policy", clientId, filter);
      output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "not authorized to subscribe to " + filter);
    }
  }

  private ThingPolicy.Identity identity(String clientId, ConnectionInformation connection) {
    boolean operator = connection.getConnectionAttributeStore().getAsString(PolicyAuthenticator.OPERATOR_ATTRIBUTE)
        .map(Boolean::parseBoolean).orElse(false);
    return policy.identity(clientId, operator);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.asReadOnlyBuffer();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
