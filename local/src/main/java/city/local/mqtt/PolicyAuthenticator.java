package city.local.mqtt;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONNECT as IoT Core answers it: MQTT 3.1 is not spoken, and a client connects only as a provisioned thing
 * (or as the twin's operator). The connection remembers which of the two it is, for the authorizers.
 */
final class PolicyAuthenticator implements SimpleAuthenticator {
  static final String OPERATOR_ATTRIBUTE = "city.twin.operator";
  private static final Logger LOG = LoggerFactory.getLogger(PolicyAuthenticator.class);

  private final ThingPolicy policy;

  PolicyAuthenticator(ThingPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
    ConnectPacket connect = input.getConnectPacket();
    if (connect.getMqttVersion() == MqttVersion.V_3_1) {
      LOG.info("refused {}: MQTT 3.1 (IoT Core speaks 3.1.1 and 5)", connect.getClientId());
      output.failAuthentication(ConnackReasonCode.UNSUPPORTED_PROTOCOL_VERSION, "MQTT 3.1 is not supported: use 3.1.1 or 5");
      return;
    }
    Optional<byte[]> password = connect.getPassword().map(PolicyAuthenticator::bytes);
    ThingPolicy.Admission admission = policy.admit(connect.getClientId(), connect.getUserName(), password);
    if (admission.identity().isEmpty()) {
      LOG.info("refused connection of {}: {}", connect.getClientId(), admission.refusal());
      ConnackReasonCode code = connect.getUserName().isPresent()
          ? ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD : ConnackReasonCode.NOT_AUTHORIZED;
      output.failAuthentication(code, admission.refusal());
      return;
    }
    boolean operator = admission.identity().get() instanceof ThingPolicy.Operator;
    input.getConnectionInformation().getConnectionAttributeStore().putAsString(OPERATOR_ATTRIBUTE, Boolean.toString(operator));
    output.authenticateSuccessfully();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.asReadOnlyBuffer();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
