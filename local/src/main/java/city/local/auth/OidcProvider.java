package city.local.auth;

import java.net.URI;
import java.util.Objects;

/**
 * An OpenID Connect identity provider the twin trusts besides its own key, as the cloud's HTTP API JWT authorizer
 * trusts {@code jwtIssuer} for {@code jwtAudience}; the web pages sign in at it (authorization code + PKCE).
 *
 * @param issuer the issuer URL: tokens must carry it as {@code iss}, and its discovery document lives under it
 * @param clientId the pages' public client (no secret) registered at the provider
 * @param audience the {@code aud} a token must carry (or, without {@code aud}, its {@code client_id}, as the authorizer checks)
 * @param scope what the pages ask for
 */
public record OidcProvider(String issuer, String clientId, String audience, String scope) {
  public static final String DEFAULT_SCOPE = "openid";

  public OidcProvider {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(scope, "scope");
    URI uri = URI.create(issuer);
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new IllegalArgumentException("the OIDC issuer must be an http(s) URL: " + issuer);
    }
    if (clientId.isBlank() || audience.isBlank()) {
      throw new IllegalArgumentException("the OIDC client id and audience must not be blank");
    }
  }

  /** Where OpenID Connect Discovery 1.0 puts the provider's metadata. */
  public URI discoveryUrl() {
    return URI.create(issuer.replaceFirst("/+$", "") + "/.well-known/openid-configuration");
  }
}
