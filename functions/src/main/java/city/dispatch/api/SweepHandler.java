package city.dispatch.api;

import city.dispatch.core.AckTimeoutSupervision;
import city.dispatch.core.DispatchSweep;
import city.platform.City;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled once a minute: cancels not yet confirmed, acknowledgement timeouts (each a supervision record), repairs of
 * half-finished claims, queue draining.
 */
public final class SweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(SweepHandler.class);

  private final DispatchSweep sweep;

  public SweepHandler() {
    this(Wiring.fromEnvironment(City.current()));
  }

  public SweepHandler(Wiring wiring) {
    this.sweep = new DispatchSweep(wiring.settings(), wiring.incidents(), wiring.dispatcher(),
        new AckTimeoutSupervision(wiring.settings(), wiring.incidents(), wiring.publisher(), wiring.clock()), wiring.clock());
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    DispatchSweep.Result result = sweep.run();
    if (result.cancelsResent() + result.withdrawn() + result.freed() + result.assigned() > 0) {
      LOG.info("sweep: {} cancels re-sent, {} withdrawn, {} units freed, {} assigned, {} supervision records",
          result.cancelsResent(), result.withdrawn(), result.freed(), result.assigned(), result.recorded());
    }
    return Map.of("cancelsResent", result.cancelsResent(), "withdrawn", result.withdrawn(), "freed", result.freed(),
        "assigned", result.assigned(), "recorded", result.recorded());
  }
}
