package city.testing;

import city.platform.BusEvent;
import city.platform.EventPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps what would have gone onto the city bus; refuses the next {@code failNext} publishes, like EventBridge
 * being unreachable, so a test can see a producer publish again on its retry.
 */
public final class RecordingEventPublisher implements EventPublisher {
  public final List<BusEvent> published = new CopyOnWriteArrayList<>();
  public final AtomicInteger failNext = new AtomicInteger();

  @Override
  public void publish(BusEvent event) {
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("EventBridge unreachable");
    }
    published.add(event);
  }

  public List<BusEvent> ofType(String detailType) {
    return published.stream().filter(e -> e.detailType().equals(detailType)).toList();
  }
}
