package city.local.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the twin's gateway asks of a bearer token: its claims when a trusted issuer signed it for this API. */
@FunctionalInterface
public interface TokenVerifier {
  /** The claims (arrays as lists, times as epoch seconds) when the token holds; empty otherwise, never an exception. */
  Optional<Map<String, Object>> verify(String token);

  /** The first verifier that accepts the token decides; the HTTP API's authorizer trusts one issuer, the twin its own key too. */
  static TokenVerifier anyOf(List<TokenVerifier> verifiers) {
    List<TokenVerifier> all = List.copyOf(verifiers);
    return token -> all.stream().map(verifier -> verifier.verify(token)).flatMap(Optional::stream).findFirst();
  }
}
