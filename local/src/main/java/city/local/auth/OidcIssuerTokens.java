package city.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens of an external OpenID Connect provider, checked as the HTTP API JWT authorizer checks them: the provider's
 * metadata from its discovery document, the signature against its JWKS (fetched, cached and refreshed on an unknown
 * key id by nimbus-jose-jwt's remote JWK source), {@code iss} exactly the issuer, the audience in {@code aud} (or, only
 * when {@code aud} is absent, in {@code client_id}), within {@code exp} and {@code nbf}. The discovery document is read
 * on the first token, so the twin may start before the provider; a failed read is tried again on the next token.
 */
public final class OidcIssuerTokens implements TokenVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(OidcIssuerTokens.class);
  private static final int TIMEOUT_MS = 5_000;
  private static final int SIZE_LIMIT = 512 * 1024;
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

  private final OidcProvider provider;
  private final ResourceRetriever retriever = new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, SIZE_LIMIT);
  private DefaultJWTProcessor<SecurityContext> processor;

  public OidcIssuerTokens(OidcProvider provider) {
    this.provider = provider;
  }

  @Override
  public Optional<Map<String, Object>> verify(String token) {
    Optional<DefaultJWTProcessor<SecurityContext>> checks = processor();
    if (checks.isEmpty()) {
      return Optional.empty();
    }
    try {
      JWTClaimsSet claims = checks.get().process(token, null);
      return forThisApi(claims) ? Optional.of(claims.toJSONObject()) : Optional.empty();
    } catch (ParseException | BadJOSEException | JOSEException refused) {
      // a bad token is a 401 like any other; its content is never logged
      return Optional.empty();
    }
  }

  /** The authorizer's audience rule: {@code aud} when present, {@code client_id} only without it. */
  private boolean forThisApi(JWTClaimsSet claims) {
    List<String> audience = claims.getAudience();
    if (!audience.isEmpty()) {
      return audience.contains(provider.audience());
    }
    return provider.audience().equals(claims.getClaim("client_id"));
  }

  private synchronized Optional<DefaultJWTProcessor<SecurityContext>> processor() {
    if (processor == null) {
      try {
        processor = discover();
      } catch (IOException | ParseException | IllegalStateException e) {
        LOG.warn("cannot read the OIDC discovery document {}: {} (tokens of {} are refused until it can be read)",
            provider.discoveryUrl(), e.getMessage(), provider.issuer());
        return Optional.empty();
      }
    }
    return Optional.of(processor);
  }

  private DefaultJWTProcessor<SecurityContext> discover() throws IOException, ParseException {
    Map<String, Object> metadata = JSONObjectUtils.parse(retriever.retrieveResource(provider.discoveryUrl().toURL()).getContent());
    if (!provider.issuer().equals(metadata.get("issuer"))) {
      // OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it was fetched for
      throw new IllegalStateException("its issuer is " + metadata.get("issuer") + ", not " + provider.issuer());
    }
    if (!(metadata.get("jwks_uri") instanceof String jwksUri)) {
      throw new IllegalStateException("it names no jwks_uri");
    }
    JWKSource<SecurityContext> keys = JWKSourceBuilder.create(new URL(jwksUri), retriever).retrying(true).build();
    DefaultJWTProcessor<SecurityContext> checks = new DefaultJWTProcessor<>();
    // access tokens are typed JWT, at+jwt (RFC 9068) or not at all
    checks.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    checks.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    checks.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        new JWTClaimsSet.Builder().issuer(provider.issuer()).build(), Set.of("iss", "exp")));
    LOG.info("trusting tokens of {} for audience {} (keys from {})", provider.issuer(), provider.audience(), jwksUri);
    return checks;
  }
}
