package city.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.budgets.CfnBudget;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * What keeps the bill predictable: a monthly AWS Budgets budget (free for the first two budgets) and
 * CloudWatch alarms on the functions' errors and on dead-lettered device messages. The reserved
 * concurrency caps sit on the functions themselves. Nothing here bills while idle except alarms beyond the
 * account's ten free ones (0.10 USD per alarm-month).
 */
public final class CostGuardrails extends Construct {
  /** Logged by city.platform.DeviceMessageHandler whenever it refuses a device message into the dead letters. */
  public static final String DEAD_LETTER_LOG_TEXT = "dead-lettered message";
  public static final String METRIC_NAMESPACE = "SmartCity";
  public static final String DEAD_LETTER_METRIC = "DeadLetteredMessages";
  static final Duration PERIOD = Duration.minutes(5);

  public CostGuardrails(Construct scope, String id, Settings settings, Collection<CityFunction> functions,
      Optional<CityFunction> failedEvents, Collection<CityFunction> deviceTriggered) {
    super(scope, id);
    budget(settings);
    Optional<Topic> alerts = settings.alertEmail().map(this::alertTopic);
    List<Alarm> alarms = new ArrayList<>();

    // One alarm on the region's Lambda errors, not one per function: an alarm per function would put a city
    // with nineteen functions past the ten free alarms (about 1.10 USD a month while idle). A city runs in its
    // own account, so the region-wide metric is this city's; the per-function breakdown stays free in the
    // AWS/Lambda Errors metric by FunctionName.
    Metric errors = Metric.Builder.create()
        .namespace("AWS/Lambda")
        .metricName("Errors")
        .statistic("Sum")
        .period(PERIOD)
        .build();
    alarms.add(errors.createAlarm(this, "FunctionErrors", alarm("a function of this city threw after its own "
        + "error handling (" + functions.size() + " functions): AWS/Lambda Errors by FunctionName names it")));
    failedEvents.ifPresent(failed -> alarms.add(failed.function().metricInvocations(sum())
        .createAlarm(this, "FailedEventsInvoked", alarm("device events exhausted their retries and were "
            + "dead-lettered by FailedEvents: GET /ops/dead-letters"))));

    String namespace = METRIC_NAMESPACE + "/" + settings.stackName();
    for (CityFunction function : deviceTriggered) {
      // free until a message is refused: custom metrics bill only for hours with data
      MetricFilter.Builder.create(this, function.spec().id() + "DeadLetters")
          .logGroup(function.logGroup())
          .filterPattern(FilterPattern.literal("\"" + DEAD_LETTER_LOG_TEXT + "\""))
          .metricNamespace(namespace)
          .metricName(DEAD_LETTER_METRIC)
          .metricValue("1")
          .build();
    }
    if (!deviceTriggered.isEmpty()) {
      Metric refused = Metric.Builder.create()
          .namespace(namespace)
          .metricName(DEAD_LETTER_METRIC)
          .statistic("Sum")
          .period(PERIOD)
          .build();
      alarms.add(refused.createAlarm(this, "DeadLetteredMessages", alarm(
          "device messages refused into the dead letters (unknown device, malformed, too large): GET /ops/dead-letters")));
    }
    alerts.ifPresent(topic -> alarms.forEach(a -> a.addAlarmAction(new SnsAction(topic))));
  }

  private static MetricOptions sum() {
    return MetricOptions.builder().statistic("Sum").period(PERIOD).build();
  }

  private static software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions alarm(String description) {
    return software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions.builder()
        .alarmDescription(description)
        .threshold(1)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
  }

  private void budget(Settings settings) {
    List<CfnBudget.NotificationWithSubscribersProperty> notifications = settings.alertEmail()
        .map(email -> List.of(
            notify("ACTUAL", 80, email),
            notify("FORECASTED", 100, email)))
        .orElse(List.of());
    CfnBudget.Builder.create(this, "MonthlyBudget")
        .budget(CfnBudget.BudgetDataProperty.builder()
            .budgetName(settings.stackName() + "-monthly")
            .budgetType("COST")
            .timeUnit("MONTHLY")
            .budgetLimit(CfnBudget.SpendProperty.builder()
                .amount(settings.budgetAmount())
                .unit(settings.budgetCurrency())
                .build())
            .build())
        .notificationsWithSubscribers(notifications)
        .build();
  }

  private static CfnBudget.NotificationWithSubscribersProperty notify(String type, double percent, String email) {
    return CfnBudget.NotificationWithSubscribersProperty.builder()
        .notification(CfnBudget.NotificationProperty.builder()
            .notificationType(type)
            .comparisonOperator("GREATER_THAN")
            .threshold(percent)
            .thresholdType("PERCENTAGE")
            .build())
        .subscribers(List.of(CfnBudget.SubscriberProperty.builder()
            .subscriptionType("EMAIL")
            .address(email)
            .build()))
        .build();
  }

  private Topic alertTopic(String email) {
    Topic topic = Topic.Builder.create(this, "Alerts")
        .displayName("Smart city alarms")
        .enforceSsl(true)
        .build();
    topic.addToResourcePolicy(PolicyStatement.Builder.create()
        .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
        .actions(List.of("sns:Publish"))
        .resources(List.of(topic.getTopicArn()))
        // only this account's alarms (confused-deputy guard)
        .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
        .build());
    Subscription.Builder.create(this, "AlertEmail")
        .topic(topic)
        .protocol(SubscriptionProtocol.EMAIL)
        .endpoint(email)
        .build();
    NagSuppressions.addResourceSuppressions(topic, List.of(NagPackSuppression.builder()
        .id("AwsSolutions-SNS2")
        .reason("Alarm notifications carry no personal data; CloudWatch cannot publish to a topic encrypted "
            + "with the AWS-managed SNS key, and a customer-managed KMS key would cost 1 USD a month idle.")
        .build()), true);
    return topic;
  }
}
