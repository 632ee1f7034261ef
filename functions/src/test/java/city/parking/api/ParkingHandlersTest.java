package city.parking.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import city.parking.core.OpsReports;
import city.parking.core.ParkingStores;
import city.parking.core.PlateRead;
import city.parking.payment.SimulatedPaymentProvider;
import city.platform.HttpRequest;
import city.platform.InvalidInput;
import city.platform.Json;
import city.platform.MemoryDeadLetters;
import city.platform.RuleEvent;
import city.platform.TestCity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the parking handlers refuse before touching any store, driven by the events/ samples. */
class ParkingHandlersTest {
  private static final ParkingStores NO_STORES = new ParkingStores(null, null, null, null, null);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);
  private final MemoryDeadLetters deadLetters = new MemoryDeadLetters();
  private final PlateReadHandler plates = new PlateReadHandler(TestCity.sample(), NO_STORES, deadLetters, CLOCK);
  private final ParkingSessionsApiHandler sessions =
      new ParkingSessionsApiHandler(TestCity.sample(), NO_STORES, new SimulatedPaymentProvider(), CLOCK);

  @SuppressWarnings("unchecked")
  @ParameterizedTest
  @Event(value = "../events/ParkingPlates.json", type = Map.class)
  void theSampleCameraEventIsARead(Map<String, Object> event) {
    PlateRead read = PlateRead.extract(plates.accept(RuleEvent.extract(event)));
    assertEquals(new PlateRead("C1", "S1", "京A12345", OffsetDateTime.parse("2026-11-28T09:00:20+08:00"), 0.97), read);
  }

  @Test
  void aReadForASpaceTheCameraDoesNotCoverIsDeadLettered() {
    Map<String, Object> event = new HashMap<>();
    event.put("payload", Base64.getEncoder().encodeToString(
        "{\"spaceId\": \"S20\", \"plate\": \"京A12345\", \"ts\": \"2026-11-28T09:00:20+08:00\", \"confidence\": 0.9}"
            .getBytes(StandardCharsets.UTF_8)));
    event.put("topic", "parking/cameras/C1/plates");
    event.put("deviceId", "C1");
    event.put("receivedAt", 1795914021456L);

    Map<String, Object> result = plates.handleRequest(event, null);

    assertEquals("dead-lettered", result.get("status"));
    assertEquals("camera C1 does not cover space S20", deadLetters.letters.get(0).reason());
  }

  @ParameterizedTest
  @Event(value = "../events/ParkingSessionsApi-payment.json", type = APIGatewayV2HTTPEvent.class)
  void aPaymentWithoutIdempotencyKeyOrAmountIsABadRequest(APIGatewayV2HTTPEvent event) {
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.remove("idempotency-key");
    event.setHeaders(headers);
    APIGatewayV2HTTPResponse response = sessions.handleRequest(event, null);
    assertEquals(400, response.getStatusCode());
    assertEquals("the Idempotency-Key header is required", Json.parse(response.getBody()).get("error").asText());

    headers.put("idempotency-key", "k-1");
    event.setBody("{\"amount\": 17.5}");
    response = sessions.handleRequest(event, null);
    assertEquals(400, response.getStatusCode());
    assertEquals("field amount must be the amount due in fen, a whole number from 1 to 9223372036854775807; got a "
        + "fraction", Json.parse(response.getBody()).get("error").asText());
  }

  /** Each is refused with its reason before any store is touched (the stores here are null: a touch is a 500). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"amount\": 18446744073709553366} | got a number out of that range",
      "{\"amount\": 9223372036854775808}  | got a number out of that range",
      "{\"amount\": -18446744073709551616} | got a number out of that range",
      "{\"amount\": 1750.5}               | got a fraction",
      "{\"amount\": 1750.0}               | got a fraction",
      "{\"amount\": 1.75e3}               | got a fraction",
      "{\"amount\": \"1750\"}             | got a string",
      "{\"amount\": true}                 | got a boolean",
      "{\"amount\": [1750]}               | got a array",
      "{\"amount\": null}                 | it is missing",
      "{\"fee\": 1750}                    | it is missing",
      "{\"amount\": -1750}                | got -1750",
      "{\"amount\": 0}                    | got 0"})
  void anAmountThatIsNotAWholeNumberOfFenInRangeIsABadRequest(String body, String reason) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../events/ParkingSessionsApi-payment.json");
    event.setBody(body);

    APIGatewayV2HTTPResponse response = sessions.handleRequest(event, null);

    assertEquals(400, response.getStatusCode(), response.getBody());
    assertEquals("field amount must be the amount due in fen, a whole number from 1 to 9223372036854775807; " + reason,
        Json.parse(response.getBody()).get("error").asText());
  }

  /** A claim value that is not a plate is a token that does not authenticate a citizen: 401, stores untouched. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "京X00000,京B99999     | 京X00000,京B99999",
      "[京X00000,京B99999]   | 京X00000,京B99999",
      "京X00000 京B99999     | 京X00000 京B99999",
      "[京A12345 ALL]        | ALL",
      "[\"京A12345\",\"*\"] | *",
      "京a12345              | 京a12345",
      "京AO1234              | 京AO1234"})
  void aTokenWhosePlatesClaimHoldsSomethingElseThanPlatesIsRefused(String claim, String shown) {
    for (String file : List.of("ParkingSessionsApi-list.json", "ParkingSessionsApi-receipt.json",
        "ParkingSessionsApi-payment.json")) {
      APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../events/" + file);
      Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
      claims.put("plates", claim);
      event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);

      APIGatewayV2HTTPResponse response = sessions.handleRequest(event, null);

      assertEquals(401, response.getStatusCode(), file + ": " + response.getBody());
      assertEquals("token claim plates holds \"" + shown + "\", which is not a licence plate",
          Json.parse(response.getBody()).get("error").asText(), file);
    }
  }

  @ParameterizedTest
  @Event(value = "../events/ParkingSessionsApi-list.json", type = APIGatewayV2HTTPEvent.class)
  void citizenRoutesNeedAToken(APIGatewayV2HTTPEvent event) {
    event.getRequestContext().setAuthorizer(null);
    assertEquals(401, sessions.handleRequest(event, null).getStatusCode());
  }

  private static HttpRequest query(Map<String, String> query) {
    return new HttpRequest("GET /ops/parking/summary", "/ops/parking/summary", Map.of(), query, Map.of(), null,
        Optional.empty(), "r");
  }

  @Test
  void aPeriodIsADateOrAnInstantAndBoundedAndDefaultsToTheLastWeek() {
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    OpsReports.Period dates = ParkingOpsApiHandler.period(shanghai, CLOCK,
        query(Map.of("from", "2026-11-20", "to", "2026-11-28T12:00:00+08:00")));
    assertEquals(Instant.parse("2026-11-19T16:00:00Z"), dates.from());
    assertEquals(Instant.parse("2026-11-28T04:00:00Z"), dates.to());

    OpsReports.Period defaults = ParkingOpsApiHandler.period(shanghai, CLOCK, query(Map.of()));
    assertEquals(Instant.parse("2026-11-29T02:00:00Z"), defaults.to());
    assertEquals(Instant.parse("2026-11-21T02:00:00Z"), defaults.from());

    for (Map<String, String> bad : List.of(Map.of("from", "yesterday"), Map.of("from", "2026-11-28", "to", "2026-11-27"),
        Map.of("from", "2026-01-01", "to", "2026-11-27"))) {
      assertThrows(InvalidInput.class, () -> ParkingOpsApiHandler.period(shanghai, CLOCK, query(bad)), bad.toString());
    }
  }
}
