package city.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.local.RepoRoot;
import city.local.TwinOptions;
import city.local.auth.OidcProvider;
import city.platform.City;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebConfigTest {
  private static final City SAMPLE = City.load(TwinOptions.sampleCity(RepoRoot.find()), Catalog.standard().modules());

  @Test
  void thePagesLearnWhereToSignInButNotTheAudience() {
    JsonNode config = Json.parse(WebConfig.of(SAMPLE,
        Optional.of(new OidcProvider("https://login.example.org/city", "city-web", "smart-city", "openid profile"))));
    assertEquals(Json.parse("{\"issuer\": \"https://login.example.org/city\", \"clientId\": \"city-web\", \"scope\": \"openid profile\"}"),
        config.path("oidc"));
  }

  @Test
  void withoutAProviderThereIsNoOidcField() {
    JsonNode config = Json.parse(WebConfig.of(SAMPLE, Optional.empty()));
    assertTrue(config.path("oidc").isMissingNode());
    assertEquals(SAMPLE.name(), config.path("name").asText());
  }
}
