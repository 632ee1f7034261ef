package city.screens.core;

import city.platform.City;
import city.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What the web pages read before their first API call ({@code /web/config.json}): the city's name, language,
 * centre and time zone, the console's map tiles ({@code console.tileUrl}, an XYZ template; absent, the map draws
 * the city's features on a plain background), and, where the deployment has an OpenID Connect provider, where to
 * sign in ({@code oidc}: the HTTP API's JWT issuer and the pages' client id; absent, the pages take a pasted token).
 */
public final class WebConfig {
  public static final String PATH = "/web/config.json";

  /** The authorization server the pages send a person to: the issuer the HTTP API's JWT authorizer trusts. */
  public record Oidc(String issuer, String clientId, String scope) {
    public static final String DEFAULT_SCOPE = "openid";
  }

  private WebConfig() {}

  public static String of(City city, Optional<Oidc> oidc) {
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
    oidc.ifPresent(o -> config.putObject("oidc")
        .put("issuer", o.issuer()).put("clientId", o.clientId()).put("scope", o.scope()));
    return Json.write(config);
  }
}
