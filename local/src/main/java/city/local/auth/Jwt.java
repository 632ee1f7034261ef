package city.local.auth;

import city.platform.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Locally signed JWTs (HS256) carrying the claims the cloud's identity provider would put in a token: the
 * twin's gateway checks them the way the HTTP API JWT authorizer does (signature, issuer, audience, expiry).
 */
public final class Jwt implements TokenVerifier {
  public static final String ISSUER = "https://city.local/twin";
  public static final String AUDIENCE = "smart-city";
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final String HEADER = ENCODER.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final SecretKeySpec key;
  private final Clock clock;

  public Jwt(byte[] key, Clock clock) {
    if (key.length < 32) {
      throw new IllegalArgumentException("an HS256 key needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.clock = clock;
  }

  public String issue(String subject, String role, List<String> plates, Duration lifetime) {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("aud", AUDIENCE);
    claims.put("sub", subject);
    claims.put("role", role);
    claims.put("plates", List.copyOf(plates));
    claims.put("iat", now);
    claims.put("exp", now + lifetime.toSeconds());
    String unsigned = HEADER + "." + ENCODER.encodeToString(Json.bytes(claims));
    return unsigned + "." + ENCODER.encodeToString(sign(unsigned));
  }

  /** The token's claims when signature, algorithm, issuer, audience and time window hold; empty otherwise. */
  @Override
  public Optional<Map<String, Object>> verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Map<String, Object> header = decode(parts[0]);
      if (!"HS256".equals(header.get("alg"))) {
        return Optional.empty();
      }
      byte[] signature = DECODER.decode(parts[2]);
      if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
        return Optional.empty();
      }
      Map<String, Object> claims = decode(parts[1]);
      long now = clock.instant().getEpochSecond();
      if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= now) {
        return Optional.empty();
      }
      if (claims.get("nbf") instanceof Number nbf && nbf.longValue() > now) {
        return Optional.empty();
      }
      if (!ISSUER.equals(claims.get("iss")) || !hasAudience(claims.get("aud"))) {
        return Optional.empty();
      }
      return Optional.of(claims);
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  private static boolean hasAudience(Object aud) {
    return AUDIENCE.equals(aud) || (aud instanceof List<?> list && list.contains(AUDIENCE));
  }

  private static Map<String, Object> decode(String part) {
    return Json.MAPPER.convertValue(Json.parse(DECODER.decode(part)), new TypeReference<Map<String, Object>>() {});
  }

  private byte[] sign(String unsigned) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
