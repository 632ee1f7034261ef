package city.screens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import city.platform.City;
import city.platform.Json;
import city.platform.TestCity;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pages' configuration: the city's fields always, the sign-in provider only where one is configured. */
class WebConfigTest {
  private final City city = City.load(TestCity.SAMPLE);

  @Test
  void aConfiguredProviderIsUnderOidcWithTheOpenidScope() {
    JsonNode config = Json.parse(WebConfig.of(city, Optional.of(new WebConfig.Oidc("https://sso.example.org/realms/city", "city-console", WebConfig.Oidc.DEFAULT_SCOPE))));
    assertEquals(city.id(), config.path("cityId").asText());
    assertEquals("https://sso.example.org/realms/city", config.path("oidc").path("issuer").asText());
    assertEquals("city-console", config.path("oidc").path("clientId").asText());
    assertEquals("openid", config.path("oidc").path("scope").asText());
  }

  @Test
  void withoutAProviderThereIsNoOidcField() {
    JsonNode config = Json.parse(WebConfig.of(city, Optional.empty()));
    assertFalse(config.has("oidc"));
    assertEquals(city.timeZone().getId(), config.path("timeZone").asText());
  }
}
