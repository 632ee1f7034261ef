package city.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A test function that fails the first attempt of every event (keyed by its "i") and succeeds on the retry. */
public class FailOnceHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();
  static final Set<String> SUCCEEDED = ConcurrentHashMap.newKeySet();

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    String key = event.get("id") + "#" + event.get("i");
    if (FAILED_ONCE.add(key)) {
      throw new IllegalStateException("first attempt of " + key);
    }
    SUCCEEDED.add(key);
    return Map.of("status", "ok");
  }
}
