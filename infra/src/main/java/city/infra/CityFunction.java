package city.infra;

import city.catalog.DeviceTopics;
import city.catalog.FunctionSpec;
import city.catalog.TableAccess;
import city.platform.AwsClients;
import city.platform.FunctionVariables;
import city.platform.City;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One catalog function: its own role (only its tables, only its topics, only its log group), an explicit
 * log group with retention, and the alias {@code live} on the published version every trigger invokes, so
 * SnapStart applies to every real invocation.
 */
public final class CityFunction extends Construct {
  public static final String ALIAS = "live";
  public static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;
  /** C1 only: the measured cold-start win for short handlers; C2 would not pay back in a 10 s function. */
  static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

  private final FunctionSpec spec;
  private final Function function;
  private final Alias alias;
  private final LogGroup logGroup;

  /** @param webFiles the web pages' layer, for a function that {@link FunctionSpec#servesWebFiles()} */
  public CityFunction(Construct scope, FunctionSpec spec, Code code, Optional<ILayerVersion> webFiles, CityTables tables,
      Settings settings) {
    super(scope, spec.id());
    this.spec = spec;
    this.logGroup = LogGroup.Builder.create(this, "Logs")
        .retention(LOG_RETENTION)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
    Role role = Role.Builder.create(this, "Role")
        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
        .description(spec.id() + ": its log group, tables " + spec.tableAccess() + " and topics " + spec.publishTopics())
        .build();
    logGroup.grantWrite(role);

    Map<String, String> environment = new LinkedHashMap<>(
        FunctionVariables.tables(spec, tables.specs(), tableId -> tables.table(tableId).getTableName()));
    List<NagPackSuppression> suppressions = new ArrayList<>();
    for (String tableId : spec.tables()) {
      grant(tables.table(tableId), spec.access(tableId), role);
      if (!tables.spec(tableId).indexes().isEmpty()) {
        suppressions.add(NagPackSuppression.builder()
            .id("AwsSolutions-IAM5")
            .appliesTo(List.of("Resource::<" + CityTables.logicalId(tableId) + ".Arn>/index/*"))
            .reason("Queries the global secondary indexes of its own table " + tableId
                + "; index names belong to the table definition, so the grant names the table, not each index.")
            .build());
      }
    }
    if (!spec.publishTopics().isEmpty()) {
      List<String> topicArns = spec.publishTopics().stream().map(this::topicArn).toList();
      role.addToPolicy(PolicyStatement.Builder.create()
          .actions(List.of("iot:Publish"))
          .resources(topicArns)
          .build());
      for (String topic : spec.publishTopics()) {
        suppressions.add(NagPackSuppression.builder()
            .id("AwsSolutions-IAM5")
            .appliesTo(List.of("Resource::" + nagForm(topicArn(topic))))
            .reason("Publishes commands to " + topic + ": one topic per device, the wildcard stands only for the "
                + "device id level, never for another topic tree.")
            .build());
      }
    }
    environment.put(City.CITY_FILE, LambdaBundle.CITY_FILE_IN_TASK);
    environment.put(AwsClients.IOT_DATA_ENDPOINT, settings.iotDataEndpoint());
    environment.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
    if (webFiles.isPresent()) {
      environment.put(FunctionVariables.WEB_ROOT, LambdaBundle.WEB_FILES_IN_LAYER);
      if (!settings.jwtIssuerIsPlaceholder()) {
        environment.put(FunctionVariables.OIDC_ISSUER, settings.jwtIssuer());
        environment.put(FunctionVariables.OIDC_CLIENT_ID, settings.oidcClientId());
      }
    }

    Function.Builder builder = Function.Builder.create(this, "Function")
        .runtime(Runtime.JAVA_21)
        .architecture(LambdaRegion.X86_64.equals(settings.architecture()) ? Architecture.X86_64 : Architecture.ARM_64)
        .handler(spec.handlerClass())
        .code(code)
        .memorySize(spec.memoryMb())
        .timeout(Duration.seconds(spec.timeoutSeconds()))
        .role(role)
        .logGroup(logGroup)
        .environment(environment)
        .description(abbreviate(spec.why(), 256));
    webFiles.ifPresent(layer -> builder.layers(List.of(layer)));
    if (settings.snapStart()) {
      builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
    }
    if (settings.reservedConcurrency()) {
      builder.reservedConcurrentExecutions(spec.reservedConcurrency());
    }
    this.function = builder.build();
    // `sam local invoke <FunctionId>` and the tests find the function by its catalog id
    ((CfnFunction) function.getNode().getDefaultChild()).overrideLogicalId(spec.id());
    if (settings.snapStart()) {
      Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
          "every trigger invokes the live alias, which points at currentVersion: a published version");
    }
    this.alias = Alias.Builder.create(this, "Live")
        .aliasName(ALIAS)
        .version(function.getCurrentVersion())
        .build();

    suppressions.add(NagPackSuppression.builder()
        .id("AwsSolutions-L1")
        .reason("Java 21 is the LTS runtime the shaded jar is built and measured on (SnapStart restore times, "
            + "cold-start floor); moving to java25 is a deliberate, measured change, not a silent default.")
        .build());
    NagSuppressions.addResourceSuppressions(this, suppressions, true);
  }

  public FunctionSpec spec() {
    return spec;
  }

  public Function function() {
    return function;
  }

  /** What every trigger invokes: the published version behind {@value #ALIAS}. */
  public Alias alias() {
    return alias;
  }

  public LogGroup logGroup() {
    return logGroup;
  }

  private String topicArn(String mqttPattern) {
    return Stack.of(this).formatArn(ArnComponents.builder()
        .service("iot")
        .resource("topic")
        .resourceName(DeviceTopics.policyPattern(mqttPattern))
        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
        .build());
  }

  private static void grant(Table table, TableAccess access, Role role) {
    switch (access) {
      case READ -> table.grantReadData(role);
      case WRITE -> table.grantWriteData(role);
      case READ_WRITE -> table.grantReadWriteData(role);
    }
  }

  /**
   * An ARN as cdk-nag names it in a finding: an unresolved part (partition, region or account of an unpinned
   * stack) as {@code <AWS::Partition>} and the like, a part the stack knows (a pinned region, its partition, an
   * account) as its value. Built from the same ARN the policy grants, so the suppression names exactly that
   * resource in every region and partition.
   */
  private String nagForm(String arn) {
    Stack stack = Stack.of(this);
    String named = arn;
    for (List<String> part : List.of(
        List.of(stack.getPartition(), "<AWS::Partition>"),
        List.of(stack.getRegion(), "<AWS::Region>"),
        List.of(stack.getAccount(), "<AWS::AccountId>"))) {
      if (Token.isUnresolved(part.get(0))) {
        named = named.replace(part.get(0), part.get(1));
      }
    }
    return named;
  }

  /** CloudFormation counts a description's UTF-8 bytes, not its characters. */
  private static String abbreviate(String text, int maxBytes) {
    if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= maxBytes) {
      return text;
    }
    String cut = text;
    while ((cut + "...").getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxBytes) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "...";
  }
}
