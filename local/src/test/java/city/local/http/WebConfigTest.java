package city.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import city.local.Twin;
import city.local.TwinOptions;
import city.local.auth.OidcProvider;
import city.platform.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The twin tells the pages where to sign in (through the WebAssets function, as CDK does), but not the audience. */
class WebConfigTest {
  @Test
  void thePagesLearnWhereToSignInButNotTheAudience() throws Exception {
    OidcProvider provider = new OidcProvider("https://login.example.org/city", "city-web", "smart-city", "openid profile");
    try (Twin twin = Twin.start(TwinOptions.inMemory().withOidc(provider))) {
      HttpResponse<String> config = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(twin.httpEndpoint() + "/web/config.json")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, config.statusCode(), config.body());
      assertEquals(Json.parse("{\"issuer\": \"https://login.example.org/city\", \"clientId\": \"city-web\", \"scope\": \"openid profile\"}"),
          Json.parse(config.body()).path("oidc"));
    }
  }
}
