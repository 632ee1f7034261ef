package city.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A test function that keeps every event it receives. Twin-side test classes load from the test class
 * path (not an isolated environment), so the test sees the same static queue. An event with
 * {@code "sleepMs"} makes the invocation take that long.
 */
public class RecordingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  static final ConcurrentLinkedQueue<Map<String, Object>> EVENTS = new ConcurrentLinkedQueue<>();
  static final ConcurrentLinkedQueue<String> FUNCTION_NAMES = new ConcurrentLinkedQueue<>();

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    if (event.get("sleepMs") instanceof Number sleep) {
      try {
        Thread.sleep(sleep.longValue());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    EVENTS.add(event);
    FUNCTION_NAMES.add(context.getFunctionName());
    return Map.of("status", "ok");
  }

  static List<Map<String, Object>> events() {
    return List.copyOf(EVENTS);
  }
}
