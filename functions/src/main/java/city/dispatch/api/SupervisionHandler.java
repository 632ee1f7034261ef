package city.dispatch.api;

import city.dispatch.core.HotlineSupervision;
import city.platform.City;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scheduled (hotline_supervision, once a minute): every open work order against its deadlines. */
public final class SupervisionHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(SupervisionHandler.class);

  private final HotlineSupervision supervision;

  public SupervisionHandler() {
    this(Wiring.fromEnvironment(City.current()));
  }

  public SupervisionHandler(Wiring wiring) {
    this.supervision = new HotlineSupervision(wiring.settings(), wiring.incidents(), wiring.publisher(),
        wiring.incidentEvents(), wiring.clock());
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    int escalated = supervision.run();
    if (escalated > 0) {
      LOG.info("supervision: {} escalations", escalated);
    }
    return Map.of("escalated", escalated);
  }
}
