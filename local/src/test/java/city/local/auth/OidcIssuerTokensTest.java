package city.local.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The twin's check of an external provider's tokens, against a real OpenID Connect provider on loopback. */
class OidcIssuerTokensTest {
  private static final String ISSUER_ID = "city";
  private static MockOAuth2Server provider;
  private static OidcIssuerTokens tokens;

  @BeforeAll
  static void startProvider() {
    provider = new MockOAuth2Server();
    provider.start(InetAddress.getLoopbackAddress(), 0);
    tokens = new OidcIssuerTokens(new OidcProvider(issuer(ISSUER_ID), "city-web", Jwt.AUDIENCE, "openid"));
    // the provider makes its keys and templates on first use, slowly on a busy machine: the refusals below must be
    // refusals of the token, not of a provider still starting, so a good token is accepted first
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (tokens.verify(token(ISSUER_ID, List.of(Jwt.AUDIENCE), Map.of())).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "the provider's discovery document and keys were never read");
    }
  }

  @AfterAll
  static void stopProvider() {
    if (provider != null) {
      provider.shutdown();
    }
  }

  private static String issuer(String id) {
    return provider.issuerUrl(id).toString();
  }

  private static String token(String issuerId, List<String> audience, Map<String, Object> claims) {
    return provider.issueToken(issuerId, "city-web", new DefaultOAuth2TokenCallback(issuerId, "ops-7", "JWT", audience, claims, 600))
        .serialize();
  }

  @Test
  void aTokenSignedWithTheProvidersKeysForThisAudienceGivesItsClaims() {
    Map<String, Object> claims = tokens.verify(token(ISSUER_ID, List.of(Jwt.AUDIENCE),
        Map.of("role", "ops", "plates", List.of("京A12345")))).orElseThrow();
    assertEquals("ops-7", claims.get("sub"));
    assertEquals("ops", claims.get("role"));
    assertEquals(List.of("京A12345"), claims.get("plates"));
    assertTrue(claims.get("exp") instanceof Number, "times as epoch seconds, as the authorizer passes them: " + claims.get("exp"));
  }

  @Test
  void anotherAudienceIsRefused() {
    assertTrue(tokens.verify(token(ISSUER_ID, List.of("another-api"), Map.of("role", "ops"))).isEmpty());
  }

  @Test
  void withoutAudTheClientIdMustBeTheAudienceAsTheAuthorizerChecksIt() {
    assertTrue(tokens.verify(token(ISSUER_ID, List.of(), Map.of("client_id", Jwt.AUDIENCE))).isPresent());
    assertTrue(tokens.verify(token(ISSUER_ID, List.of(), Map.of("client_id", "another-api"))).isEmpty());
  }

  @Test
  void anotherIssuerOfTheSameServerIsRefused() {
    // same host, same kind of keys, but iss and the signing key are another tenant's
    assertTrue(tokens.verify(token("elsewhere", List.of(Jwt.AUDIENCE), Map.of("role", "ops"))).isEmpty());
  }

  @Test
  void theTwinsOwnTokensAreNotThisIssuers() {
    String own = new Jwt(SigningKey.random(), Clock.systemUTC()).issue("ops-1", "ops", List.of(), Jwt.DEFAULT_LIFETIME);
    assertTrue(tokens.verify(own).isEmpty());
  }

  @Test
  void aTamperedTokenIsRefused() {
    String[] parts = token(ISSUER_ID, List.of(Jwt.AUDIENCE), Map.of("role", "citizen")).split("\\.");
    String promoted = Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"citizen\"", "\"ops\"").getBytes(StandardCharsets.UTF_8));
    assertTrue(tokens.verify(parts[0] + "." + promoted + "." + parts[2]).isEmpty());
  }

  @Test
  void aProviderThatCannotBeReachedRefusesTokensInsteadOfFailing() {
    OidcIssuerTokens unreachable = new OidcIssuerTokens(new OidcProvider("http://127.0.0.1:9/nobody", "c", Jwt.AUDIENCE, "openid"));
    assertTrue(unreachable.verify(token(ISSUER_ID, List.of(Jwt.AUDIENCE), Map.of())).isEmpty());
  }
}
