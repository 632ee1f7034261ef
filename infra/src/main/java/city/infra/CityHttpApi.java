package city.infra;

import city.catalog.Access;
import city.catalog.HttpRoute;
import city.catalog.RouteThrottle;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The city's HTTP API (an HTTP API, not a REST API: a third of the price and enough for JWT auth): one
 * {@code $default} stage with JSON access logs and a throttle per route (the catalog's {@link HttpRoute#throttle}),
 * CORS for the citizen app, and a JWT authorizer for citizen and ops routes. The authorizer only proves the
 * token; handlers check the role.
 */
public final class CityHttpApi extends Construct {
  /**
   * The stage's default, per route: only a route missing from the route settings would use it, and every
   * catalog route has its own; the lowest class's (public reads') numbers, so a forgotten route is not the
   * generous one.
   */
  static final RouteThrottle DEFAULT_THROTTLE = RouteThrottle.PUBLIC_READ;

  /** One JSON line per request; the caller's subject, never the token. */
  static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
      + "\"time\":\"$context.requestTime\",\"route\":\"$context.routeKey\",\"status\":\"$context.status\","
      + "\"bytes\":\"$context.responseLength\",\"latencyMs\":\"$context.integrationLatency\","
      + "\"sub\":\"$context.authorizer.claims.sub\",\"authError\":\"$context.authorizer.error\","
      + "\"integrationError\":\"$context.integrationErrorMessage\"}";

  private final HttpApi api;
  private final HttpStage stage;
  private final IHttpRouteAuthorizer jwt;
  private final Map<String, HttpLambdaIntegration> integrations = new HashMap<>();
  /** CloudFormation's RouteSettings is free-form JSON keyed by route key, so the keys are CloudFormation's. */
  private final Map<String, Map<String, Object>> routeSettings = new TreeMap<>();

  public CityHttpApi(Construct scope, String id, String apiName, List<HttpRoute> routes, Settings settings) {
    super(scope, id);
    this.api = HttpApi.Builder.create(this, "Api")
        .apiName(apiName)
        .description("Smart city HTTP API: routes from city.catalog")
        .createDefaultStage(false)
        .corsPreflight(CorsPreflightOptions.builder()
            .allowOrigins(settings.corsOrigins())
            .allowMethods(corsMethods(routes))
            .allowHeaders(List.of("Authorization", "Content-Type"))
            .maxAge(Duration.days(1))
            .build())
        .build();
    LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
        .retention(CityFunction.LOG_RETENTION)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
    this.stage = api.addStage("DefaultStage", HttpStageOptions.builder()
        .stageName("$default")
        .autoDeploy(true)
        .throttle(ThrottleSettings.builder().rateLimit(DEFAULT_THROTTLE.ratePerSecond())
            .burstLimit(DEFAULT_THROTTLE.burst()).build())
        .accessLogSettings(new IAccessLogSettings() {
          @Override
          public IAccessLogDestination getDestination() {
            return new LogGroupLogDestination(accessLogs);
          }

          @Override
          public AccessLogFormat getFormat() {
            return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
          }
        })
        .build());
    this.jwt = HttpJwtAuthorizer.Builder.create("Jwt", settings.jwtIssuer())
        .authorizerName("jwt")
        .jwtAudience(settings.jwtAudience())
        .build();
  }

  public void addRoute(HttpRoute route, CityFunction target) {
    HttpLambdaIntegration integration = integrations.computeIfAbsent(target.spec().id(),
        // one invoke permission per function for this API, not one per route: a stack holds at most 500 resources,
        // and a route-scoped permission guards nothing more (only this API's own routes reach the integration)
        functionId -> HttpLambdaIntegration.Builder.create(functionId + "Integration", target.alias())
            .scopePermissionToRoute(false)
            .build());
    var created = api.addRoutes(AddRoutesOptions.builder()
        .path(route.path())
        .methods(List.of(HttpMethod.valueOf(route.method())))
        .integration(integration)
        .authorizer(route.access() == Access.PUBLIC ? new HttpNoneAuthorizer() : jwt)
        .build());
    routeSettings.put(route.routeKey(), Map.of(
        "ThrottlingRateLimit", route.throttle().ratePerSecond(),
        "ThrottlingBurstLimit", route.throttle().burst()));
    ((CfnStage) stage.getNode().getDefaultChild()).setRouteSettings(new TreeMap<>(routeSettings));
    // the stage refuses settings for a route key that does not exist yet
    created.forEach(stage.getNode()::addDependency);
    if (route.access() == Access.PUBLIC) {
      for (var r : created) {
        NagSuppressions.addResourceSuppressions(r, List.of(NagPackSuppression.builder()
            .id("AwsSolutions-APIG4")
            .reason(route.routeKey() + " is declared PUBLIC in its module: open data (public feeds and reads) "
                + "that any citizen or app may read without an account; the route's own throttle "
                + "caps its cost and keeps it from starving the other routes.")
            .build()), true);
      }
    }
  }

  /** Base URL of the API ({@code $default} stage serves at the root). */
  public String url() {
    return stage.getUrl();
  }

  private static List<CorsHttpMethod> corsMethods(List<HttpRoute> routes) {
    List<CorsHttpMethod> methods = new ArrayList<>(
        routes.stream().map(HttpRoute::method).distinct().sorted().map(CorsHttpMethod::valueOf).toList());
    methods.add(CorsHttpMethod.OPTIONS);
    return methods;
  }
}
