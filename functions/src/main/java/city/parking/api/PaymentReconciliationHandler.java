package city.parking.api;

import city.parking.core.ParkingSettings;
import city.parking.core.ParkingStores;
import city.parking.core.PaymentProvider;
import city.parking.core.PaymentReconciliation;
import city.parking.core.SessionLookup;
import city.platform.City;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs on a schedule: refunds the charges of payments that were interrupted before their session was marked
 * paid. The schedule's event time is "now", so a run can be replayed; the result counts what it did.
 */
public final class PaymentReconciliationHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final PaymentReconciliation reconciliation;
  private final Clock clock;

  public PaymentReconciliationHandler() {
    this(City.current(), Wiring.storesFromEnvironment(), Wiring.paymentProviderFromEnvironment(), Clock.systemUTC());
  }

  public PaymentReconciliationHandler(City city, ParkingStores stores, PaymentProvider provider, Clock clock) {
    ParkingSettings settings = ParkingSettings.of(city);
    this.reconciliation = new PaymentReconciliation(stores.intents(),
        new SessionLookup(settings, stores.spaces(), stores.sessions()), provider);
    this.clock = clock;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Instant now = ScheduledTime.of(event, clock);
    PaymentReconciliation.Outcome outcome = reconciliation.reconcile(now);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("time", now.toString());
    result.put("intentsChecked", outcome.checked());
    result.put("chargesRefunded", outcome.refunded());
    result.put("foundPaid", outcome.foundPaid());
    return result;
  }
}
