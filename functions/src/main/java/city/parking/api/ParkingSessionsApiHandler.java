package city.parking.api;

import city.parking.core.CitizenSessions;
import city.parking.core.ParkingLayout;
import city.parking.core.ParkingSettings;
import city.parking.core.ParkingStores;
import city.parking.core.PaymentProvider;
import city.parking.core.PaymentResult;
import city.parking.core.Payments;
import city.parking.core.SessionLookup;
import city.parking.core.session.Session;
import city.platform.Caller;
import city.platform.City;
import city.platform.Endpoint;
import city.platform.HttpApiHandler;
import city.platform.HttpError;
import city.platform.HttpRequest;
import city.platform.HttpResponse;
import city.platform.InvalidInput;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Citizens' parking: their open and unpaid sessions (found from the plates in their token only), a receipt
 * for the owner of a session, and paying it once under an Idempotency-Key.
 */
public final class ParkingSessionsApiHandler extends HttpApiHandler {
  static final int MAX_KEY_LENGTH = 200;

  public ParkingSessionsApiHandler() {
    this(City.current(), Wiring.storesFromEnvironment(), Wiring.paymentProviderFromEnvironment(), Clock.systemUTC());
  }

  public ParkingSessionsApiHandler(City city, ParkingStores stores, PaymentProvider provider, Clock clock) {
    this(ParkingSettings.of(city), stores, provider, clock);
  }

  private ParkingSessionsApiHandler(ParkingSettings settings, ParkingStores stores, PaymentProvider provider,
      Clock clock) {
    this(settings, new SessionLookup(settings, stores.spaces(), stores.sessions()), stores, provider, clock);
  }

  private ParkingSessionsApiHandler(ParkingSettings settings, SessionLookup lookup, ParkingStores stores,
      PaymentProvider provider, Clock clock) {
    super(List.of(
        new Endpoint("GET /parking/sessions", request -> mine(
            new CitizenSessions(settings, stores.spaces(), stores.sessions(), stores.plateReads(), lookup), clock,
            citizen(settings, request))),
        new Endpoint("GET /parking/sessions/{sessionId}", request -> receipt(settings, lookup, citizen(settings, request), request)),
        new Endpoint("POST /parking/sessions/{sessionId}/payments", request -> pay(
            new Payments(lookup, stores.sessions(), stores.keys(), stores.intents(), provider, clock), citizen(settings, request), request))));
  }

  record Sessions(List<SessionView> sessions) {}

  /** The caller, if the token is one and every plate in it is a licence plate (401 otherwise). */
  private static Caller citizen(ParkingSettings settings, HttpRequest request) {
    return settings.plateFormat().citizen(request.requireCaller());
  }

  private static HttpResponse mine(CitizenSessions citizens, Clock clock, Caller caller) {
    List<SessionView> views = citizens.openAndUnpaid(caller, clock.instant()).stream().map(SessionView::of).toList();
    return HttpResponse.ok(new Sessions(views)).withHeader("Cache-Control", "private, no-store");
  }

  private static HttpResponse receipt(ParkingSettings settings, SessionLookup lookup, Caller caller,
      HttpRequest request) {
    String sessionId = request.pathParameter("sessionId");
    Session session = lookup.owned(caller, sessionId).orElseThrow(() -> HttpError.notFound("no session " + sessionId));
    ParkingLayout.Zone zone = settings.layout().zone(session.zone()).orElseThrow();
    return HttpResponse.ok(ReceiptView.of(session, zone, settings.tariff(zone))).withHeader("Cache-Control", "private, no-store");
  }

  private static HttpResponse pay(Payments payments, Caller caller, HttpRequest request) {
    String sessionId = request.pathParameter("sessionId");
    String key = request.header("Idempotency-Key")
        .orElseThrow(() -> new InvalidInput("the Idempotency-Key header is required"));
    if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InvalidInput("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
    }
    PaymentResult result = payments.pay(caller, sessionId, key, amountFen(request.jsonBody()));
    return HttpResponse.of(result.status(), Json.parse(result.body()));
  }

  /**
   * The amount as the JSON integer it must be: a number too large for a long is refused, never narrowed
   * ({@code longValue()} of 18446744073709553366 is 1750).
   */
  static long amountFen(JsonNode body) {
    JsonNode amount = body.get("amount");
    String expected = "field amount must be the amount due in fen, a whole number from 1 to " + Long.MAX_VALUE;
    if (amount == null || amount.isNull()) {
      throw new InvalidInput(expected + "; it is missing");
    }
    if (!amount.isNumber()) {
      throw new InvalidInput(expected + "; got a " + amount.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    if (!amount.isIntegralNumber()) {
      throw new InvalidInput(expected + "; got a fraction");
    }
    if (!amount.canConvertToLong()) {
      throw new InvalidInput(expected + "; got a number out of that range");
    }
    if (amount.longValue() <= 0) {
      throw new InvalidInput(expected + "; got " + amount.longValue());
    }
    return amount.longValue();
  }
}
