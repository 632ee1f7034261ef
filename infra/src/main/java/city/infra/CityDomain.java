package city.infra;

import city.catalog.Domain;
import city.catalog.HttpRoute;
import city.catalog.Schedule;
import city.catalog.TopicRule;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.TimeWindow;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.constructs.Construct;

/**
 * One domain's triggers, built from its catalog entry and nothing else: a topic rule per declared rule (SQL
 * verbatim), an HTTP route per declared route, a schedule per declared schedule. Every trigger invokes the
 * function's {@code live} alias. Tables and functions are shared constructs because domains share them
 * (the platform table, the failed-events function).
 */
public final class CityDomain extends Construct {
  public static final String IOT_SQL_VERSION = "2016-03-23";

  public CityDomain(Construct scope, Domain domain, CityFunctions functions, CityHttpApi httpApi,
      TopicRuleErrors ruleErrors) {
    super(scope, capitalized(domain.name()));
    for (TopicRule rule : domain.rules()) {
      topicRule(rule, functions.function(rule.functionId()), ruleErrors);
    }
    for (HttpRoute route : domain.routes()) {
      httpApi.addRoute(route, functions.function(route.functionId()));
    }
    for (Schedule schedule : domain.schedules()) {
      schedule(schedule, functions.function(schedule.functionId()));
    }
  }

  private void topicRule(TopicRule rule, CityFunction target, TopicRuleErrors ruleErrors) {
    CfnTopicRule cfnRule = CfnTopicRule.Builder.create(this, "Rule-" + rule.name())
        .ruleName(rule.name())
        .topicRulePayload(CfnTopicRule.TopicRulePayloadProperty.builder()
            .sql(rule.sql())
            .awsIotSqlVersion(IOT_SQL_VERSION)
            .ruleDisabled(false)
            .description(rule.description())
            .actions(List.of(CfnTopicRule.ActionProperty.builder()
                .lambda(CfnTopicRule.LambdaActionProperty.builder()
                    .functionArn(target.alias().getFunctionArn())
                    .build())
                .build()))
            .errorAction(ruleErrors.errorAction())
            .build())
        .build();
    target.alias().addPermission("InvokedBy-" + rule.name(), Permission.builder()
        .principal(new ServicePrincipal("iot.amazonaws.com"))
        .action("lambda:InvokeFunction")
        .sourceArn(cfnRule.getAttrArn())
        .sourceAccount(Stack.of(this).getAccount())
        .build());
  }

  private void schedule(Schedule schedule, CityFunction target) {
    software.amazon.awscdk.services.scheduler.Schedule.Builder.create(this, "Schedule-" + schedule.name())
        .description(schedule.name() + ": " + schedule.functionId() + ", " + schedule.expression())
        .schedule(ScheduleExpression.expression(schedule.expression()))
        .timeWindow(TimeWindow.off())
        // a missed tick is repaired by the next one: retrying an old tick only duplicates work
        .target(LambdaInvoke.Builder.create(target.alias())
            .retryAttempts(0)
            .maxEventAge(Duration.minutes(Math.min(24 * 60, Math.max(1, schedule.period().toMinutes()))))
            .build())
        .build();
  }

  private static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
