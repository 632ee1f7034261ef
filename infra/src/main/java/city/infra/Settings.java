package city.infra;

import city.catalog.Catalog;
import city.platform.City;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import software.constructs.Node;

/**
 * Everything one deployment varies by, read from CDK context ({@code -c key=value} or cdk.json). Every key
 * has a default that synthesizes offline; the defaults that would not work in the cloud (IoT endpoint, JWT
 * issuer) are placeholders that fail closed and are reported as synth warnings.
 *
 * @param iotDataEndpoint https URL of the account's IoT data endpoint, or {@link #IOT_ENDPOINT_PLACEHOLDER}
 * @param jwtIssuer issuer the HTTP API's JWT authorizer trusts, or {@link #JWT_ISSUER_PLACEHOLDER}
 * @param oidcClientId the web pages' OpenID Connect client at that issuer (context {@code oidcClientId}; by default
 *     the first of {@code jwtAudience}, so the tokens the pages get are the ones the authorizer accepts)
 * @param budgetAmount monthly budget in {@code budgetCurrency} (USD, or CNY in the China regions)
 * @param reservedConcurrency false drops the per-function caps, for new accounts whose concurrency quota
 *     (10) leaves no room for reservations
 * @param snapStart SnapStart on published versions; the default is the region's ({@link LambdaRegion})
 * @param architecture {@code arm64} or {@code x86_64}; the default is the region's ({@link LambdaRegion})
 * @param checkout the folder holding {@code web/} and {@code node_modules/}, whose files the web pages' layer stages
 * @param analyticsReporting true adds the CDKMetadata resource (library versions reported to AWS); off unless asked,
 *     whatever the CLI's version reporting says
 */
public record Settings(
    Path cityFile,
    City city,
    Path functionsJar,
    String stackName,
    Optional<String> account,
    Optional<String> region,
    String iotDataEndpoint,
    String jwtIssuer,
    List<String> jwtAudience,
    String oidcClientId,
    List<String> corsOrigins,
    double budgetAmount,
    String budgetCurrency,
    Optional<String> alertEmail,
    boolean provisionThings,
    boolean snapStart,
    String architecture,
    boolean reservedConcurrency,
    boolean analyticsReporting,
    Path assetStaging,
    Path checkout) {

  public static final String DEFAULT_CITY = "../local/cities/sample-county.json";
  public static final String FUNCTIONS_TARGET = "../functions/target";
  public static final String IOT_ENDPOINT_PLACEHOLDER = "https://iot-data-endpoint.invalid";
  public static final String JWT_ISSUER_PLACEHOLDER = "https://jwt-issuer.invalid";
  public static final String DEFAULT_AUDIENCE = "smart-city";

  public static Settings from(Node node, Catalog catalog) {
    Function<String, Optional<String>> context = key -> Optional.ofNullable(node.tryGetContext(key))
        .map(Object::toString).map(String::trim).filter(value -> !value.isEmpty());
    Path cityFile = Path.of(context.apply("city").orElse(DEFAULT_CITY));
    City city = City.load(cityFile, catalog.modules());
    Optional<String> region = context.apply("region");
    LambdaRegion lambda = LambdaRegion.of(region);
    List<String> audience = list(context.apply("jwtAudience").orElse(DEFAULT_AUDIENCE));
    return new Settings(
        cityFile,
        city,
        context.apply("functionsJar").map(Path::of).orElseGet(Settings::findFunctionsJar),
        context.apply("stackName").orElse("SmartCity-" + city.id()),
        context.apply("account"),
        region,
        context.apply("iotDataEndpoint").map(Settings::https).orElse(IOT_ENDPOINT_PLACEHOLDER),
        context.apply("jwtIssuer").orElse(JWT_ISSUER_PLACEHOLDER),
        audience,
        context.apply("oidcClientId").orElse(audience.get(0)),
        list(context.apply("corsOrigins").orElse("*")),
        context.apply("budgetUsd").map(Double::parseDouble).orElse(10.0),
        context.apply("budgetCurrency").orElse("USD"),
        context.apply("alertEmail"),
        context.apply("provisionThings").map(Boolean::parseBoolean).orElse(false),
        context.apply("snapStart").map(Boolean::parseBoolean).orElse(lambda.snapStart()),
        context.apply("architecture").map(LambdaRegion::checkedArchitecture).orElse(lambda.architecture()),
        context.apply("reservedConcurrency").map(Boolean::parseBoolean).orElse(true),
        context.apply("analyticsReporting").map(Boolean::parseBoolean).orElse(false),
        Path.of(context.apply("assetStaging").orElse("target/lambda-asset")),
        Path.of(context.apply("checkout").orElse("..")));
  }

  public boolean iotEndpointIsPlaceholder() {
    return IOT_ENDPOINT_PLACEHOLDER.equals(iotDataEndpoint);
  }

  public boolean jwtIssuerIsPlaceholder() {
    return JWT_ISSUER_PLACEHOLDER.equals(jwtIssuer);
  }

  /** `aws iot describe-endpoint` prints the bare host name; the SDK's endpoint override needs a URL. */
  private static String https(String endpoint) {
    return endpoint.contains("://") ? endpoint : "https://" + endpoint;
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The shaded jar the functions module packages; its version is in the name, so look it up. */
  private static Path findFunctionsJar() {
    Path target = Path.of(FUNCTIONS_TARGET);
    try (Stream<Path> files = Files.list(target)) {
      List<Path> jars = files.filter(p -> p.getFileName().toString().matches("city-functions-.*-lambda\\.jar")).toList();
      if (jars.size() != 1) {
        throw new IllegalStateException("expected one city-functions-*-lambda.jar in " + target.toAbsolutePath()
            + ", found " + jars + ": run `mvn -pl functions package` (or ./city synth) first");
      }
      return jars.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException("no functions build in " + target.toAbsolutePath()
          + ": run `mvn -pl functions package` (or ./city synth) first", e);
    }
  }
}
