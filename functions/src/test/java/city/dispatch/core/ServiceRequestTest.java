package city.dispatch.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import city.platform.GeoPoint;
import city.platform.InvalidInput;
import city.platform.Json;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceRequestTest {
  private static final DispatchSettings SETTINGS = Fixtures.settings(Duration.ofSeconds(90));

  @Test
  void aFormBodyAsTheSpecSendsItIsDecoded() {
    Map<String, String> fields = FormFields.urlEncoded(
        "service_code=pothole&lat=36.51&long=118.53&description=Deep+hole%2C+right+lane&email=a%40b.org&lat=99");
    assertEquals("Deep hole, right lane", fields.get("description"));
    assertEquals("a@b.org", fields.get("email"));
    assertEquals("36.51", fields.get("lat"), "a repeated field keeps its first value");
  }

  @Test
  void aJsonBodyGivesTheSameFields() {
    Map<String, String> fields = FormFields.json(Json.parse("{\"service_code\": \"pothole\", \"lat\": 36.51, \"long\": 118.53}"));
    ServiceRequest request = ServiceRequest.parse(fields, SETTINGS);
    assertEquals(new GeoPoint(36.51, 118.53), request.position());
    assertEquals("municipal", request.service().kind());
  }

  @Test
  void serviceCodeAndALocationAreRequired() {
    assertEquals("service_code is required",
        assertThrows(InvalidInput.class, () -> ServiceRequest.parse(Map.of("lat", "36.5", "long", "118.5"), SETTINGS)).getMessage());
    assertThrows(InvalidInput.class, () -> ServiceRequest.parse(Map.of("service_code", "volcano", "lat", "1", "long", "1"), SETTINGS));
    assertThrows(InvalidInput.class, () -> ServiceRequest.parse(Map.of("service_code", "pothole"), SETTINGS));
    assertThrows(InvalidInput.class, () -> ServiceRequest.parse(Map.of("service_code", "pothole", "lat", "36.5"), SETTINGS));
    assertThrows(InvalidInput.class, () -> ServiceRequest.parse(Map.of("service_code", "pothole", "lat", "95", "long", "1"), SETTINGS));
    assertThrows(InvalidInput.class, () -> ServiceRequest.parse(Map.of("service_code", "pothole", "lat", "north", "long", "1"), SETTINGS));
  }

  @Test
  void anAddressAloneIsALocation() {
    ServiceRequest request = ServiceRequest.parse(Map.of("service_code", "streetlight", "address_string", "1 Main St"), SETTINGS);
    assertNull(request.position());
    assertEquals("1 Main St", request.address());
  }

  @Test
  void contactDetailsAreKeptApartAndNeverShownOrFingerprinted() {
    Map<String, String> fields = new HashMap<>(Map.of("service_code", "noise", "lat", "36.5", "long", "118.5",
        "email", "li.wei@example.org", "phone", "13800000000", "first_name", "Wei", "last_name", "Li"));
    ServiceRequest request = ServiceRequest.parse(fields, SETTINGS);
    assertEquals("li.wei@example.org", request.contact().email());
    assertFalse(request.contact().toString().contains("li.wei"));
    assertFalse(request.toString().contains("13800000000"));
    fields.put("email", "someone.else@example.org");
    assertEquals(request.fingerprint(), ServiceRequest.parse(fields, SETTINGS).fingerprint());
    fields.put("description", "different");
    assertFalse(request.fingerprint().equals(ServiceRequest.parse(fields, SETTINGS).fingerprint()));
  }

  @Test
  void mediaUrlMustBeAWebLink() {
    assertThrows(InvalidInput.class, () -> ServiceRequest.parse(
        Map.of("service_code", "pothole", "lat", "36.5", "long", "118.5", "media_url", "javascript:alert(1)"), SETTINGS));
  }

  @Test
  void idsFollowTheirInputs() {
    assertEquals(IncidentIds.forRequest("k-1"), IncidentIds.forRequest("k-1"));
    assertFalse(IncidentIds.forRequest("k-1").equals(IncidentIds.forRequest("k-2")));
    assertFalse(IncidentIds.newRequest().equals(IncidentIds.newRequest()));
    assertEquals("A-S1-20261128T010000000Z", IncidentIds.forAlert("S1", Fixtures.at(Fixtures.T0)));
  }
}
