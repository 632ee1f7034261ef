package city.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A test function whose every invocation throws: the twin must retry it twice, then keep a dead letter. */
public class FailingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  static final AtomicInteger CALLS = new AtomicInteger();

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    CALLS.incrementAndGet();
    throw new IllegalStateException("sensor bus on fire");
  }
}
