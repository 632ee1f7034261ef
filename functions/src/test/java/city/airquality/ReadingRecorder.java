package city.airquality;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The throwaway domain's function: keeps every event it is invoked with (test code, one JVM). */
public final class ReadingRecorder implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final List<Map<String, Object>> EVENTS = new CopyOnWriteArrayList<>();

  public static List<Map<String, Object>> events() {
    return List.copyOf(EVENTS);
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    EVENTS.add(event);
    return Map.of("statusCode", 200, "body", "{}");
  }
}
