package city.parking.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.parking.api.ParkingSessionsApiHandler;
import city.platform.Caller;
import city.platform.HttpError;
import city.platform.Json;
import city.platform.TestCity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** Paying a session on memory stores: exactly the amount due, once per Idempotency-Key, and declines. */
class PaymentsTest {
  private static final Caller OWNER = new Caller("citizen-1", "citizen", List.of("京A12345"));
  private static final String SESSION = "S1-20261123-1";
  private final MemoryParking parking = new MemoryParking(Instant.parse("2026-11-23T04:00:00Z"));
  private final CountingProvider provider = new CountingProvider();
  private Payments payments;

  /** S1 closed: Monday 10:00-11:40, class I, 1750 fen, plate 京A12345; S2 still open. */
  @BeforeEach
  void aClosedSession() {
    parking.plate("C1", "S1", "京A12345", "2026-11-23T10:01:00+08:00", 0.95);
    parking.occupancy("S1", true, "2026-11-23T10:00:00+08:00", 1);
    parking.occupancy("S1", false, "2026-11-23T11:40:00+08:00", 2);
    parking.plate("C1", "S2", "京A12345", "2026-11-23T11:01:00+08:00", 0.95);
    parking.occupancy("S2", true, "2026-11-23T11:00:00+08:00", 1);
    payments = parking.payments(provider);
  }

  private static JsonNode body(PaymentResult result) {
    return Json.parse(result.body());
  }

  @Test
  void theAmountDueIsChargedOnceAndARetryGetsTheSameReceipt() {
    PaymentResult first = payments.pay(OWNER, SESSION, "key-1", 1750);
    PaymentResult retry = payments.pay(OWNER, SESSION, "key-1", 1750);

    assertEquals(201, first.status(), first.body());
    assertEquals("paid", body(first).get("status").asText());
    assertEquals(first, retry);
    assertEquals(1, provider.chargeCalls.get());
    assertEquals(1750, provider.kept());
    assertTrue(parking.session(SESSION).paid());
  }

  @Test
  void aSecondKeyForAPaidSessionIsRefusedWithoutCharging() {
    payments.pay(OWNER, SESSION, "key-1", 1750);

    PaymentResult again = payments.pay(OWNER, SESSION, "key-2", 1750);

    assertEquals(409, again.status());
    assertEquals("session " + SESSION + " is already paid", body(again).get("error").asText());
    assertEquals(1, provider.chargeCalls.get());
  }

  @Test
  void anotherAmountOrAnOpenSessionIsRefusedWithoutCharging() {
    PaymentResult wrongAmount = payments.pay(OWNER, SESSION, "key-1", 1700);
    PaymentResult open = payments.pay(OWNER, "S2-20261123-1", "key-2", 1750);

    assertEquals(409, wrongAmount.status());
    assertEquals("the amount due is 1750 fen, not 1700", body(wrongAmount).get("error").asText());
    assertEquals(409, open.status());
    assertEquals("session S2-20261123-1 is still open", body(open).get("error").asText());
    assertEquals(0, provider.chargeCalls.get());
    assertFalse(parking.session(SESSION).paid());
  }

  @Test
  void aKeyUsedForAnotherRequestIsAConflictAndSomeoneElsesSessionIsNotFound() {
    payments.pay(OWNER, SESSION, "key-1", 1700);

    HttpError reused = assertThrows(HttpError.class, () -> payments.pay(OWNER, SESSION, "key-1", 1750));
    assertEquals(409, reused.status());
    Caller stranger = new Caller("citizen-2", "citizen", List.of("京B00000"));
    assertEquals(404, assertThrows(HttpError.class, () -> payments.pay(stranger, SESSION, "key-1", 1750)).status());
  }

  @Test
  void aDeclinedChargeIsKeptUnderItsKeyAndTheSessionStaysUnpaid() {
    Payments declining = parking.payments(new DecliningProvider("card expired"));

    PaymentResult declined = declining.pay(OWNER, SESSION, "key-1", 1750);

    assertEquals(402, declined.status());
    assertEquals("payment declined: card expired", body(declined).get("error").asText());
    assertEquals(declined, declining.pay(OWNER, SESSION, "key-1", 1750), "a retry gets the same answer");
    assertFalse(parking.session(SESSION).paid());
  }

  /** The citizen's POST through the handler: the provider's refusal is the HTTP answer. */
  @ParameterizedTest
  @Event(value = "../events/ParkingSessionsApi-payment.json", type = APIGatewayV2HTTPEvent.class)
  void aDeclinedChargeAnswers402WithTheProvidersReason(APIGatewayV2HTTPEvent event) {
    event.setRawPath("/parking/sessions/" + SESSION + "/payments");
    event.setPathParameters(Map.of("sessionId", SESSION));
    ParkingSessionsApiHandler handler = new ParkingSessionsApiHandler(TestCity.sample(), parking.stores,
        new DecliningProvider("insufficient funds"), parking.clock);

    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

    assertEquals(402, response.getStatusCode(), response.getBody());
    assertEquals("payment declined: insufficient funds", Json.parse(response.getBody()).get("error").asText());
    assertFalse(parking.session(SESSION).paid());
    assertTrue(parking.session(SESSION).payment().isEmpty());
  }

  private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
    event.setRawPath("/parking/sessions/" + SESSION + "/payments");
    event.setPathParameters(Map.of("sessionId", SESSION));
    return new ParkingSessionsApiHandler(TestCity.sample(), parking.stores, provider, parking.clock)
        .handleRequest(event, null);
  }

  /** 2^64 + 1750: {@code longValue()} wraps it to exactly the amount due. */
  @ParameterizedTest
  @Event(value = "../events/ParkingSessionsApi-payment.json", type = APIGatewayV2HTTPEvent.class)
  void anAmountBeyondALongIsABadRequestNotThePaymentItWrapsTo(APIGatewayV2HTTPEvent event) {
    event.setBody("{\"amount\": 18446744073709553366}");

    APIGatewayV2HTTPResponse response = send(event);

    assertEquals(400, response.getStatusCode(), response.getBody());
    assertEquals(0, provider.chargeCalls.get());
    assertFalse(parking.session(SESSION).paid());
  }

  /** The token names one value, "京X00000,京A12345": no plate, so neither 京X00000's nor 京A12345's sessions. */
  @ParameterizedTest
  @Event(value = "../events/ParkingSessionsApi-payment.json", type = APIGatewayV2HTTPEvent.class)
  void aPlatesClaimWithTwoPlatesInOneValueNeitherReadsNorPays(APIGatewayV2HTTPEvent event) {
    Map<String, String> claims = new java.util.HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
    claims.put("plates", "京X00000,京A12345");
    event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);

    APIGatewayV2HTTPResponse payment = send(event);
    event.setRouteKey("GET /parking/sessions/{sessionId}");
    event.setBody(null);
    APIGatewayV2HTTPResponse receipt = send(event);

    assertEquals(401, payment.getStatusCode(), payment.getBody());
    assertEquals(401, receipt.getStatusCode(), receipt.getBody());
    assertEquals(0, provider.chargeCalls.get());
    claims.put("plates", "[京X00000 京A12345]");
    assertEquals(200, send(event).getStatusCode(), "two plates, as the authorizer renders an array of two");
  }

  /** A provider that refuses every charge, as a bank does for an expired card. */
  private record DecliningProvider(String reason) implements PaymentProvider {
    @Override
    public String name() {
      return "declining";
    }

    @Override
    public Charge charge(String paymentId, String sessionId, long amountFen) {
      return Charge.declined(reason);
    }

    @Override
    public void refund(String paymentId, long amountFen) {
      throw new AssertionError("nothing was charged, so nothing is refunded");
    }
  }
}
