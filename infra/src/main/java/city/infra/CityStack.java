package city.infra;

import city.catalog.Catalog;
import city.catalog.Domain;
import city.catalog.FunctionSpec;
import city.catalog.TableSpec;
import city.catalog.TopicRule;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/**
 * The whole city in one stack, derived from the catalog's domains: shared tables, functions, HTTP API,
 * device policies and cost guardrails, and one construct per domain for its triggers.
 */
public final class CityStack extends Stack {
  public CityStack(Construct scope, Settings settings, Catalog catalog) {
    super(scope, settings.stackName(), StackProps.builder()
        .description("Smart city " + settings.city().name() + " (" + settings.city().id()
            + "): IoT rules, Lambda, DynamoDB on demand, HTTP API; nothing bills while idle")
        .env(environment(settings))
        .analyticsReporting(settings.analyticsReporting())
        .build());
    List<TableSpec> tableSpecs = catalog.tables();
    List<FunctionSpec> functionSpecs = catalog.functions();
    List<TopicRule> rules = catalog.rules();

    Code code = LambdaBundle.stage(settings.functionsJar(), settings.cityFile(), settings.assetStaging());
    CityTables tables = new CityTables(this, "Tables", tableSpecs);
    Optional<ILayerVersion> webFiles = functionSpecs.stream().anyMatch(FunctionSpec::servesWebFiles)
        ? Optional.of(LayerVersion.Builder.create(this, "WebFiles")
            .code(LambdaBundle.stageWebFiles(settings.checkout(), settings.assetStaging().resolveSibling("web-layer")))
            .compatibleRuntimes(List.of(Runtime.JAVA_21))
            .description("the console's, the app's and their libraries' files, for the functions that serve them")
            .build())
        : Optional.empty();
    CityFunctions functions = new CityFunctions(this, "Functions", functionSpecs, rules, code, webFiles, tables, settings);
    TopicRuleErrors ruleErrors = new TopicRuleErrors(this, "RuleErrors");
    CityHttpApi httpApi = new CityHttpApi(this, "HttpApi", settings.stackName(),
        catalog.routes(), settings);
    for (Domain domain : catalog.domains()) {
      new CityDomain(this, domain, functions, httpApi, ruleErrors);
    }
    CityEventBus eventBus = new CityEventBus(this, "EventBus", settings.stackName() + "-bus", catalog, functions);
    new DevicePolicies(this, "DevicePolicies", settings.stackName(), catalog, settings.city(),
        settings.provisionThings());
    new CostGuardrails(this, "CostGuardrails", settings, functions.all().values(),
        functions.failedEvents(),
        rules.stream().map(TopicRule::functionId).distinct().map(functions::function).toList());

    CfnOutput.Builder.create(this, "HttpApiUrl").value(httpApi.url())
        .description("base URL of the HTTP API").build();
    tables.all().forEach((id, table) -> CfnOutput.Builder.create(this, id + "TableName")
        .value(table.getTableName()).description("DynamoDB table " + id).build());
    CfnOutput.Builder.create(this, "EventBusName").value(eventBus.bus().getEventBusName())
        .description("the city's event bus").build();
    CfnOutput.Builder.create(this, "IotDataEndpoint").value(settings.iotDataEndpoint())
        .description("IoT data endpoint the functions publish to").build();
    if (settings.iotEndpointIsPlaceholder()) {
      Annotations.of(this).addWarningV2("city:iotDataEndpoint", "no -c iotDataEndpoint=...: functions cannot "
          + "publish to devices. Look it up with `aws iot describe-endpoint --endpoint-type iot:Data-ATS`.");
    }
    if (settings.jwtIssuerIsPlaceholder()) {
      Annotations.of(this).addWarningV2("city:jwtIssuer", "no -c jwtIssuer=...: citizen and ops routes reject "
          + "every token until the issuer of your identity provider is set.");
    }
  }

  private static Environment environment(Settings settings) {
    if (settings.account().isEmpty() && settings.region().isEmpty()) {
      return null;
    }
    Environment.Builder env = Environment.builder();
    settings.account().ifPresent(env::account);
    settings.region().ifPresent(env::region);
    return env.build();
  }
}
