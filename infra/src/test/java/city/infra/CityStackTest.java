package city.infra;

import static city.infra.SynthesizedCity.joined;
import static city.infra.SynthesizedCity.list;
import static city.infra.SynthesizedCity.references;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Access;
import city.catalog.Catalog;
import city.catalog.EventRule;
import city.catalog.FunctionSpec;
import city.catalog.HttpRoute;
import city.catalog.Schedule;
import city.catalog.TableSpec;
import city.catalog.TopicRule;
import city.platform.AwsClients;
import city.platform.FunctionVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthesized template against the catalog: every declared table, function and trigger, as declared. */
class CityStackTest {
  private static SynthesizedCity city;

  @BeforeAll
  static void synthesize() {
    city = SynthesizedCity.get();
  }

  @Test
  void everyTableIsOnDemandWithTheCatalogsKeysIndexesTtlAndProtection() {
    Map<String, JsonNode> tables = city.resourcesOfType("AWS::DynamoDB::Table");
    assertEquals(Catalog.standard().tables().size(), tables.size(), "one table per TableSpec, no other: " + tables.keySet());
    tables.forEach((id, table) ->
        assertEquals("PAY_PER_REQUEST", table.path("Properties").path("BillingMode").asText(), id));
    for (TableSpec spec : Catalog.standard().tables()) {
      JsonNode table = city.resource(CityTables.logicalId(spec.id()));
      JsonNode props = table.path("Properties");
      assertEquals(List.of(spec.partitionKey() + "=HASH", spec.sortKey() + "=RANGE"), keys(props.path("KeySchema")));
      assertEquals(spec.indexes().stream().map(TableSpec.IndexSpec::name).toList(),
          list(props.path("GlobalSecondaryIndexes")).stream().map(i -> i.path("IndexName").asText()).toList());
      for (JsonNode index : list(props.path("GlobalSecondaryIndexes"))) {
        TableSpec.IndexSpec declared = spec.indexes().stream()
            .filter(i -> i.name().equals(index.path("IndexName").asText())).findFirst().orElseThrow();
        assertEquals(List.of(declared.partitionKey() + "=HASH", declared.sortKey() + "=RANGE"), keys(index.path("KeySchema")));
      }
      props.path("AttributeDefinitions").forEach(a -> assertEquals("S", a.path("AttributeType").asText()));
      assertEquals(spec.ttlAttribute().orElse(""), props.path("TimeToLiveSpecification").path("AttributeName").asText(""));
      assertEquals(spec.pointInTimeRecovery(),
          props.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean(), spec.id());
      assertEquals(spec.deletionProtection(), props.path("DeletionProtectionEnabled").asBoolean(), spec.id());
      boolean retained = spec.pointInTimeRecovery() || spec.deletionProtection();
      assertEquals(retained ? "Retain" : "Delete", table.path("DeletionPolicy").asText(), spec.id());
    }
  }

  @Test
  void everyFunctionIsArm64Java21SnapStartWithItsSizingAndARetainedLogGroup() {
    Map<String, JsonNode> functions = city.resourcesOfType("AWS::Lambda::Function");
    assertEquals(Catalog.standard().functions().stream().map(FunctionSpec::id).collect(Collectors.toSet()), functions.keySet(),
        "exactly the catalog's functions (no CDK helper functions), under their catalog ids");
    for (FunctionSpec spec : Catalog.standard().functions()) {
      JsonNode props = city.resource(spec.id()).path("Properties");
      assertEquals("[\"arm64\"]", props.path("Architectures").toString(), spec.id());
      assertEquals("java21", props.path("Runtime").asText(), spec.id());
      assertEquals(spec.handlerClass(), props.path("Handler").asText());
      assertEquals(spec.memoryMb(), props.path("MemorySize").asInt());
      assertEquals(spec.timeoutSeconds(), props.path("Timeout").asInt());
      assertEquals(spec.reservedConcurrency(), props.path("ReservedConcurrentExecutions").asInt());
      assertEquals("PublishedVersions", props.path("SnapStart").path("ApplyOn").asText());
      assertTrue(props.path("VpcConfig").isMissingNode(), spec.id() + " must not sit in a VPC");
      String logGroup = props.path("LoggingConfig").path("LogGroup").path("Ref").asText();
      JsonNode group = city.resource(logGroup);
      assertEquals("AWS::Logs::LogGroup", group.path("Type").asText());
      assertEquals(30, group.path("Properties").path("RetentionInDays").asInt(), spec.id() + " log retention");
    }
  }

  @Test
  void everyFunctionReadsExactlyItsTablesAndThePlatformSettingsFromTheEnvironment() {
    Set<String> tableVars = Catalog.standard().tables().stream().map(TableSpec::envVar).collect(Collectors.toSet());
    for (FunctionSpec spec : Catalog.standard().functions()) {
      JsonNode env = city.resource(spec.id()).path("Properties").path("Environment").path("Variables");
      for (String tableId : spec.tables()) {
        TableSpec table = Catalog.standard().tables().stream().filter(t -> t.id().equals(tableId)).findFirst().orElseThrow();
        assertEquals(CityTables.logicalId(tableId), env.path(table.envVar()).path("Ref").asText(), spec.id());
      }
      Set<String> present = new HashSet<>();
      env.fieldNames().forEachRemaining(present::add);
      present.retainAll(tableVars);
      assertEquals(spec.tables().size(), present.size(), spec.id() + " gets only its own tables' names: " + present);
      assertEquals(FunctionVariables.primingTable(spec).map(CityTables::logicalId).orElse(""),
          env.path(AwsClients.PRIMING_TABLE).path("Ref").asText(""),
          spec.id() + " primes SnapStart against the first of its own tables it may read");
      assertEquals("/var/task/city.json", env.path("CITY_FILE").asText());
      assertEquals(Settings.IOT_ENDPOINT_PLACEHOLDER, env.path("IOT_DATA_ENDPOINT").asText());
      assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1", env.path("JAVA_TOOL_OPTIONS").asText());
    }
  }

  @Test
  void everyFunctionHasALiveAliasOnAPublishedVersion() {
    for (FunctionSpec spec : Catalog.standard().functions()) {
      JsonNode alias = city.resource(aliasOf(city, spec.id())).path("Properties");
      JsonNode version = city.resource(alias.path("FunctionVersion").path("Fn::GetAtt").get(0).asText());
      assertEquals("AWS::Lambda::Version", version.path("Type").asText());
      assertEquals(spec.id(), version.path("Properties").path("FunctionName").path("Ref").asText());
    }
  }

  @Test
  void nothingRunsInAVpcAndNothingBillsWhileIdle() {
    Set<String> types = new HashSet<>();
    city.resources().elements().forEachRemaining(r -> types.add(r.path("Type").asText()));
    types.forEach(type -> assertFalse(type.startsWith("AWS::EC2::"), "no VPC, NAT or instance: " + type));
    assertFalse(types.contains("AWS::Lambda::EventSourceMapping"), "no pollers");
    city.resourcesOfType("AWS::Lambda::Alias").forEach((id, alias) -> assertTrue(
        alias.path("Properties").path("ProvisionedConcurrencyConfig").isMissingNode(), id + ": no provisioned concurrency"));
  }

  @Test
  void theApiIsOneHttpApiWithThrottlingAccessLogsAndCors() {
    city.resources().elements().forEachRemaining(r -> assertFalse(
        r.path("Type").asText().startsWith("AWS::ApiGateway::"), "no REST API (v1) resource: " + r.path("Type")));
    Map<String, JsonNode> apis = city.resourcesOfType("AWS::ApiGatewayV2::Api");
    assertEquals(1, apis.size());
    JsonNode api = apis.values().iterator().next().path("Properties");
    assertEquals("HTTP", api.path("ProtocolType").asText());
    assertEquals("[\"*\"]", api.path("CorsConfiguration").path("AllowOrigins").toString());
    assertEquals("[\"Authorization\",\"Content-Type\"]", api.path("CorsConfiguration").path("AllowHeaders").toString());

    Map<String, JsonNode> stages = city.resourcesOfType("AWS::ApiGatewayV2::Stage");
    assertEquals(1, stages.size());
    JsonNode stage = stages.values().iterator().next().path("Properties");
    assertEquals("$default", stage.path("StageName").asText());
    // every route has its own throttle (RouteThrottleTest); the default is the tightest class but one
    assertEquals(CityHttpApi.DEFAULT_THROTTLE.burst(), stage.path("DefaultRouteSettings").path("ThrottlingBurstLimit").asInt());
    assertEquals(CityHttpApi.DEFAULT_THROTTLE.ratePerSecond(), stage.path("DefaultRouteSettings").path("ThrottlingRateLimit").asDouble());
    String accessLogs = stage.path("AccessLogSettings").path("DestinationArn").path("Fn::GetAtt").get(0).asText();
    assertEquals(30, city.resource(accessLogs).path("Properties").path("RetentionInDays").asInt());
    assertTrue(stage.path("AccessLogSettings").path("Format").asText().contains("$context.routeKey"));
  }

  @Test
  void everyRouteIsDeclaredWithItsAuthorizationAndItsFunctionsAlias() {
    Map<String, JsonNode> routes = city.resourcesOfType("AWS::ApiGatewayV2::Route");
    assertEquals(Catalog.standard().routes().size(), routes.size());
    Map<String, JsonNode> authorizers = city.resourcesOfType("AWS::ApiGatewayV2::Authorizer");
    assertEquals(1, authorizers.size());
    String authorizerId = authorizers.keySet().iterator().next();
    JsonNode jwt = authorizers.get(authorizerId).path("Properties");
    assertEquals("JWT", jwt.path("AuthorizerType").asText());
    assertEquals(Settings.JWT_ISSUER_PLACEHOLDER, jwt.path("JwtConfiguration").path("Issuer").asText());
    assertEquals("[\"" + Settings.DEFAULT_AUDIENCE + "\"]", jwt.path("JwtConfiguration").path("Audience").toString());

    for (HttpRoute route : Catalog.standard().routes()) {
      JsonNode props = routes.values().stream().map(r -> r.path("Properties"))
          .filter(p -> p.path("RouteKey").asText().equals(route.routeKey())).findFirst()
          .orElseThrow(() -> new AssertionError("route " + route.routeKey() + " missing"));
      if (route.access() == Access.PUBLIC) {
        assertEquals("NONE", props.path("AuthorizationType").asText(), route.routeKey());
        assertTrue(props.path("AuthorizerId").isMissingNode(), route.routeKey());
      } else {
        assertEquals("JWT", props.path("AuthorizationType").asText(), route.routeKey());
        assertEquals(authorizerId, props.path("AuthorizerId").path("Ref").asText(), route.routeKey());
      }
      String integration = references(props.path("Target")).get(0);
      JsonNode uri = city.resource(integration).path("Properties").path("IntegrationUri");
      assertEquals(aliasOf(city, route.functionId()), uri.path("Ref").asText(), route.routeKey() + " invokes the alias");
      assertEquals("2.0", city.resource(integration).path("Properties").path("PayloadFormatVersion").asText());
    }
  }

  @Test
  void opsRoutesAllUseTheJwtAuthorizer() {
    List<HttpRoute> ops = Catalog.standard().routes().stream().filter(r -> r.access() == Access.OPS).toList();
    assertFalse(ops.isEmpty(), "the catalog declares ops routes");
    Set<String> jwtRouteKeys = city.resourcesOfType("AWS::ApiGatewayV2::Route").values().stream()
        .map(r -> r.path("Properties"))
        .filter(p -> p.path("AuthorizationType").asText().equals("JWT"))
        .map(p -> p.path("RouteKey").asText()).collect(Collectors.toSet());
    ops.forEach(route -> assertTrue(jwtRouteKeys.contains(route.routeKey()), route.routeKey()));
  }

  @Test
  void everyRuleIsOneTopicRuleWithTheCatalogsSqlInvokingTheAliasWithAScopedPermission() {
    Map<String, JsonNode> rules = city.resourcesOfType("AWS::IoT::TopicRule");
    assertEquals(Catalog.standard().rules().size(), rules.size());
    Map<String, JsonNode> permissions = city.resourcesOfType("AWS::Lambda::Permission");
    for (TopicRule rule : Catalog.standard().rules()) {
      Map.Entry<String, JsonNode> found = rules.entrySet().stream()
          .filter(e -> e.getValue().path("Properties").path("RuleName").asText().equals(rule.name()))
          .findFirst().orElseThrow(() -> new AssertionError("rule " + rule.name() + " missing"));
      JsonNode payload = found.getValue().path("Properties").path("TopicRulePayload");
      assertEquals(rule.sql(), payload.path("Sql").asText());
      assertEquals("2016-03-23", payload.path("AwsIotSqlVersion").asText());
      assertEquals(1, payload.path("Actions").size());
      String alias = aliasOf(city, rule.functionId());
      assertEquals(alias, payload.path("Actions").get(0).path("Lambda").path("FunctionArn").path("Ref").asText());
      JsonNode errorLogs = payload.path("ErrorAction").path("CloudwatchLogs");
      String errorGroup = errorLogs.path("LogGroupName").path("Ref").asText();
      assertEquals(30, city.resource(errorGroup).path("Properties").path("RetentionInDays").asInt());

      assertTrue(permissions.values().stream().map(p -> p.path("Properties")).anyMatch(p ->
              p.path("Principal").asText().equals("iot.amazonaws.com")
                  && p.path("FunctionName").path("Ref").asText().equals(alias)
                  && p.path("SourceArn").path("Fn::GetAtt").get(0).asText().equals(found.getKey())),
          "invoke permission for " + rule.name() + " scoped to that rule's ARN");
    }
    permissions.values().stream().map(p -> p.path("Properties"))
        .filter(p -> p.path("Principal").asText().equals("iot.amazonaws.com"))
        .forEach(p -> assertFalse(p.path("SourceArn").isMissingNode(), "every IoT permission names its rule"));
  }

  @Test
  void deviceAndBusTriggeredFunctionsRetryTwiceThenHandTheEventToFailedEvents() {
    List<String> triggered = java.util.stream.Stream.concat(
        Catalog.standard().rules().stream().map(TopicRule::functionId),
        Catalog.standard().eventRules().stream().map(EventRule::functionId)).distinct().toList();
    Map<String, JsonNode> configs = city.resourcesOfType("AWS::Lambda::EventInvokeConfig");
    assertEquals(triggered.size(), configs.size());
    String failedAlias = aliasOf(city, CityFunctions.FAILED_EVENTS);
    for (String functionId : triggered) {
      JsonNode config = configs.values().stream().map(c -> c.path("Properties"))
          .filter(c -> c.path("FunctionName").path("Ref").asText().equals(functionId)).findFirst()
          .orElseThrow(() -> new AssertionError("no async config for " + functionId));
      assertEquals(2, config.path("MaximumRetryAttempts").asInt());
      assertEquals(3600, config.path("MaximumEventAgeInSeconds").asInt());
      assertEquals(failedAlias, config.path("DestinationConfig").path("OnFailure").path("Destination").path("Ref").asText());
      assertEquals(List.of(aliasOf(city, functionId)), references(config.path("Qualifier")),
          functionId + ": the config applies to the alias the rule invokes");
    }
  }

  @Test
  void everyScheduleRunsTheAliasOnTheCatalogsRateWithoutAFlexibleWindow() {
    Map<String, JsonNode> schedules = city.resourcesOfType("AWS::Scheduler::Schedule");
    assertEquals(Catalog.standard().schedules().size(), schedules.size());
    for (Schedule schedule : Catalog.standard().schedules()) {
      assertTrue(schedules.values().stream().map(s -> s.path("Properties")).anyMatch(p ->
          p.path("ScheduleExpression").asText().equals(schedule.expression())
              && p.path("FlexibleTimeWindow").path("Mode").asText().equals("OFF")
              && references(p.path("Target").path("Arn")).equals(List.of(aliasOf(city, schedule.functionId())))),
          schedule.name());
    }
  }

  @Test
  void costGuardrailsBudgetAndAlarmsOnErrorsAndOnDeadLettersWithinTheFreeTier() {
    Map<String, JsonNode> budgets = city.resourcesOfType("AWS::Budgets::Budget");
    assertEquals(1, budgets.size());
    JsonNode budget = budgets.values().iterator().next().path("Properties").path("Budget");
    assertEquals("MONTHLY", budget.path("TimeUnit").asText());
    assertEquals(10, budget.path("BudgetLimit").path("Amount").asInt());

    Map<String, JsonNode> alarms = city.resourcesOfType("AWS::CloudWatch::Alarm");
    assertEquals(3, alarms.size(), "errors, dead-lettered events, refused messages: within the 10 free alarms");
    assertTrue(alarms.values().stream().map(a -> a.path("Properties")).anyMatch(a ->
        a.path("MetricName").asText().equals("Errors") && a.path("Namespace").asText().equals("AWS/Lambda")
            && a.path("Dimensions").isMissingNode()), "one errors alarm covering every function");
    assertTrue(alarms.values().stream().map(a -> a.path("Properties")).anyMatch(a ->
        a.path("MetricName").asText().equals("Invocations")
            && references(a.path("Dimensions")).contains(CityFunctions.FAILED_EVENTS)), "dead-lettered events alarm");
    assertTrue(alarms.values().stream().map(a -> a.path("Properties")).anyMatch(a ->
        a.path("MetricName").asText().equals(CostGuardrails.DEAD_LETTER_METRIC)), "refused messages alarm");
    Set<String> filtered = city.resourcesOfType("AWS::Logs::MetricFilter").values().stream()
        .map(f -> f.path("Properties").path("LogGroupName").path("Ref").asText()).collect(Collectors.toSet());
    for (String functionId : Catalog.standard().rules().stream().map(TopicRule::functionId).distinct().toList()) {
      assertTrue(filtered.contains(city.resource(functionId).path("Properties").path("LoggingConfig")
          .path("LogGroup").path("Ref").asText()), "dead-letter metric filter on " + functionId);
    }
    assertTrue(city.resourcesOfType("AWS::SNS::Topic").isEmpty(), "no alert topic without -c alertEmail");
  }

  @Test
  void theDeadLetterMetricFilterMatchesWhatTheHandlerLogs() throws Exception {
    String handler = java.nio.file.Files.readString(SynthesizedCity.REPO
        .resolve("functions/src/main/java/city/platform/DeviceMessageHandler.java"));
    assertTrue(handler.contains(CostGuardrails.DEAD_LETTER_LOG_TEXT),
        "DeviceMessageHandler no longer logs '" + CostGuardrails.DEAD_LETTER_LOG_TEXT + "': update CostGuardrails");
  }

  @Test
  void outputsNameTheApiAndEveryTable() {
    JsonNode outputs = city.json.path("Outputs");
    assertTrue(joined(outputs.path("HttpApiUrl").path("Value")).startsWith("https://"));
    for (TableSpec spec : Catalog.standard().tables()) {
      assertEquals(CityTables.logicalId(spec.id()),
          outputs.path(spec.id() + "TableName").path("Value").path("Ref").asText());
    }
  }

  static String aliasOf(SynthesizedCity city, String functionId) {
    return city.resourcesOfType("AWS::Lambda::Alias").entrySet().stream()
        .filter(e -> e.getValue().path("Properties").path("FunctionName").path("Ref").asText().equals(functionId))
        .filter(e -> e.getValue().path("Properties").path("Name").asText().equals(CityFunction.ALIAS))
        .map(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new AssertionError("no alias live for " + functionId));
  }

  private static List<String> keys(JsonNode keySchema) {
    return list(keySchema).stream().map(k -> k.path("AttributeName").asText() + "=" + k.path("KeyType").asText()).toList();
  }
}
