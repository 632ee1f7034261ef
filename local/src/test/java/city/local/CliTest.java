package city.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import city.local.auth.Jwt;
import city.local.auth.OidcProvider;
import city.local.faults.FaultPlan;
import city.local.auth.SigningKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @Test
  void tokenIsSignedWithTheDataFolderKey(@TempDir Path data) {
    String token = Cli.token(new Cli.Options(new String[] {
        "--role", "citizen", "--plate", "京A12345", "--plate=京B2", "--data", data.toString()}));
    Map<String, Object> claims = new Jwt(SigningKey.forDataDir(data), Clock.systemUTC()).verify(token).orElseThrow();
    assertEquals("citizen", claims.get("role"));
    assertEquals(List.of("京A12345", "京B2"), claims.get("plates"));
    assertEquals("citizen-local", claims.get("sub"));
  }

  @Test
  void faultsSwitchOnTheFaultProfileAndABadSpecIsAUsageError() {
    assertEquals("dynamodb:0.1;seed=4",
        Cli.twinOptions(new Cli.Options(new String[] {"--faults", "dynamodb:0.1;seed=4"})).variables().get(FaultPlan.VARIABLE));
    assertEquals(null, Cli.twinOptions(new Cli.Options(new String[] {"--http-port", "0"})).variables().get(FaultPlan.VARIABLE));
    assertThrows(Cli.UsageException.class, () -> Cli.twinOptions(new Cli.Options(new String[] {"--faults", "s3:0.5"})));
    assertThrows(Cli.UsageException.class, () -> Cli.twinOptions(new Cli.Options(new String[] {"--env", "CITY_FAULTS=iot:2"})));
  }

  @Test
  void anOidcProviderIsTrustedForTheTwinsAudienceUnlessAnotherIsGiven() {
    assertEquals(Optional.of(new OidcProvider("https://login.example.org/city", "city-web", Jwt.AUDIENCE, "openid")),
        Cli.twinOptions(new Cli.Options(new String[] {"--oidc-issuer", "https://login.example.org/city", "--oidc-client-id", "city-web"})).oidc());
    assertEquals(Optional.of(new OidcProvider("https://login.example.org/city", "city-web", "api://city", "openid city")),
        Cli.twinOptions(new Cli.Options(new String[] {"--oidc-issuer", "https://login.example.org/city", "--oidc-client-id", "city-web",
            "--oidc-audience", "api://city", "--oidc-scope", "openid city"})).oidc());
    assertEquals(Optional.empty(), Cli.twinOptions(new Cli.Options(new String[] {"--http-port", "0"})).oidc());
    assertThrows(Cli.UsageException.class,
        () -> Cli.twinOptions(new Cli.Options(new String[] {"--oidc-issuer", "https://login.example.org/city"})));
    assertThrows(Cli.UsageException.class,
        () -> Cli.twinOptions(new Cli.Options(new String[] {"--oidc-issuer", "login.example.org", "--oidc-client-id", "c"})));
  }

  @Test
  void refusesBadOptions(@TempDir Path data) {
    assertThrows(Cli.UsageException.class, () -> Cli.token(new Cli.Options(new String[] {"--role", "mayor", "--data", data.toString()})));
    assertThrows(Cli.UsageException.class, () -> Cli.token(new Cli.Options(new String[] {"--role"})));
    assertThrows(Cli.UsageException.class, () -> Cli.token(new Cli.Options(new String[] {"--role", "ops", "--colour", "red"})));
    assertThrows(Cli.UsageException.class, () -> new Cli.Options(new String[] {"ops"}));
    assertThrows(Cli.UsageException.class, () -> new Cli.Options(new String[] {"--http-port", "http"}).port("http-port"));
  }
}
