package city.infra;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * Where a topic rule reports a message its Lambda action could not deliver (the invoke itself failed:
 * permission, quota, service error). CloudWatch Logs rather than a DynamoDB write into the platform table:
 * the error document (rule, topic, base64 payload, failure) has no pk/sk of the dead-letter item shape, it
 * costs nothing until an error happens, and it does not depend on the table that may be what is failing.
 */
public final class TopicRuleErrors extends Construct {
  private final LogGroup logGroup;
  private final Role role;

  public TopicRuleErrors(Construct scope, String id) {
    super(scope, id);
    this.logGroup = LogGroup.Builder.create(this, "Logs")
        .retention(CityFunction.LOG_RETENTION)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
    this.role = Role.Builder.create(this, "Role")
        .assumedBy(new ServicePrincipal("iot.amazonaws.com"))
        .description("IoT rules engine: write undeliverable device messages to the rule-errors log group only")
        .build();
    role.addToPolicy(PolicyStatement.Builder.create()
        .actions(List.of("logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"))
        .resources(List.of(logGroup.getLogGroupArn()))
        .build());
  }

  public CfnTopicRule.ActionProperty errorAction() {
    return CfnTopicRule.ActionProperty.builder()
        .cloudwatchLogs(CfnTopicRule.CloudwatchLogsActionProperty.builder()
            .logGroupName(logGroup.getLogGroupName())
            .roleArn(role.getRoleArn())
            .build())
        .build();
  }
}
