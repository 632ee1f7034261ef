package city.dispatch;

import city.platform.City;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scheduled once a minute: acknowledgement timeouts, repairs of half-finished claims, queue draining. */
public final class SweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(SweepHandler.class);

  private final DispatchSweep sweep;

  public SweepHandler() {
    this(DispatchRuntime.fromEnvironment(City.current()));
  }

  public SweepHandler(DispatchRuntime runtime) {
    this.sweep = new DispatchSweep(runtime.settings(), runtime.incidents(), runtime.dispatcher(), runtime.clock());
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    DispatchSweep.Result result = sweep.run();
    if (result.withdrawn() + result.freed() + result.assigned() > 0) {
      LOG.info("sweep: {} withdrawn, {} units freed, {} assigned", result.withdrawn(), result.freed(), result.assigned());
    }
    return Map.of("withdrawn", result.withdrawn(), "freed", result.freed(), "assigned", result.assigned());
  }
}
