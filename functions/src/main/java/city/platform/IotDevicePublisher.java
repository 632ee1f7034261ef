package city.platform;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.PublishRequest;

/** Publishes through the IoT data plane: IoT Core in the cloud, the twin's broker locally. */
public final class IotDevicePublisher implements DevicePublisher {
  private final IotDataPlaneClient client;

  public IotDevicePublisher(IotDataPlaneClient client) {
    this.client = client;
  }

  public static IotDevicePublisher fromEnvironment() {
    return new IotDevicePublisher(AwsClients.iotData());
  }

  @Override
  public void publish(String topic, Object message) {
    client.publish(PublishRequest.builder()
        .topic(topic)
        .qos(1)
        .payload(SdkBytes.fromByteArray(Json.bytes(message)))
        .build());
  }
}
