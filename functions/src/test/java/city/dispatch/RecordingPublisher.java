package city.dispatch;

import city.platform.DevicePublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what would have gone to devices. */
final class RecordingPublisher implements DevicePublisher {
  record Sent(String topic, DispatchOrder order) {}

  final List<Sent> sent = new CopyOnWriteArrayList<>();

  @Override
  public void publish(String topic, Object message) {
    sent.add(new Sent(topic, (DispatchOrder) message));
  }

  List<Sent> to(String unitId) {
    return sent.stream().filter(s -> s.topic().equals("units/" + unitId + "/dispatch")).toList();
  }
}
