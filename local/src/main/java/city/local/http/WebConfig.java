package city.local.http;

import city.local.auth.OidcProvider;
import city.platform.City;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What the web pages read before their first API call ({@code /web/config.json}): the city's name, language,
 * centre and time zone, and the console's map tiles ({@code console.tileUrl}, an XYZ template; absent, the map
 * draws the city's features on a plain background), and where the pages sign in with OpenID Connect
 * ({@code oidc}: issuer, public client id, scope), when the twin trusts a provider.
 */
public final class WebConfig {
  public static final String PATH = "/web/config.json";

  private WebConfig() {}

  public static String of(City city, Optional<OidcProvider> oidc) {
    JsonNode section = city.section("city");
    ObjectNode config = Json.MAPPER.createObjectNode();
    config.put("cityId", city.id());
    config.put("name", city.name());
    config.put("language", section.path("language").asText("en"));
    config.put("timeZone", city.timeZone().getId());
    config.put("lat", section.path("lat").asDouble());
    config.put("lon", section.path("lon").asDouble());
    JsonNode tiles = city.section("console").path("tileUrl");
    if (tiles.isTextual() && !tiles.asText().isBlank()) {
      config.put("tileUrl", tiles.asText());
    }
    oidc.ifPresent(provider -> {
      ObjectNode signIn = config.putObject("oidc");
      signIn.put("issuer", provider.issuer());
      signIn.put("clientId", provider.clientId());
      signIn.put("scope", provider.scope());
    });
    return Json.write(config);
  }
}
