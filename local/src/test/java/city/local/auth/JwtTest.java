package city.local.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtTest {
  private static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");
  private final byte[] key = SigningKey.random();
  private final Jwt jwt = new Jwt(key, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void issuedTokensCarryTheClaimsTheAuthorizerPassesOn() {
    String token = jwt.issue("c-1", "citizen", List.of("京A12345", "京B1"), Duration.ofHours(12));
    Map<String, Object> claims = jwt.verify(token).orElseThrow();
    assertEquals("c-1", claims.get("sub"));
    assertEquals("citizen", claims.get("role"));
    assertEquals(List.of("京A12345", "京B1"), claims.get("plates"));
    assertEquals(Jwt.ISSUER, claims.get("iss"));
    assertEquals(Jwt.AUDIENCE, claims.get("aud"));
    assertEquals(NOW.plus(Duration.ofHours(12)).getEpochSecond(), ((Number) claims.get("exp")).longValue());
    String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", header);
  }

  @Test
  void refusesExpiredForgedAndForeignTokens() {
    String token = jwt.issue("o-1", "ops", List.of(), Duration.ofMinutes(5));
    Jwt later = new Jwt(key, Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC));
    assertTrue(later.verify(token).isEmpty(), "expired");
    Jwt otherKey = new Jwt(SigningKey.random(), Clock.fixed(NOW, ZoneOffset.UTC));
    assertTrue(otherKey.verify(token).isEmpty(), "signed with another key");

    String[] parts = token.split("\\.");
    String elevated = Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"ops\"", "\"root\"")
            .getBytes(StandardCharsets.UTF_8));
    assertTrue(jwt.verify(parts[0] + "." + elevated + "." + parts[2]).isEmpty(), "claims changed after signing");

    String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    assertTrue(jwt.verify(none + "." + parts[1] + ".").isEmpty(), "alg none");
    assertTrue(jwt.verify("garbage").isEmpty());
    assertTrue(jwt.verify("a.b.c").isEmpty());
  }

  @Test
  void aDataFolderKeepsItsKeyPrivately(@TempDir Path dir) throws Exception {
    byte[] first = SigningKey.forDataDir(dir);
    byte[] again = SigningKey.forDataDir(dir);
    assertArrayEquals(first, again);
    assertEquals(32, first.length);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SigningKey.FILE_NAME))));
    String token = new Jwt(first, Clock.systemUTC()).issue("o", "ops", List.of(), Duration.ofHours(1));
    assertTrue(new Jwt(again, Clock.systemUTC()).verify(token).isPresent());
  }
}
