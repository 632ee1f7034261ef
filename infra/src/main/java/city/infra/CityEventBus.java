package city.infra;

import city.catalog.Catalog;
import city.catalog.EventRule;
import city.platform.EventBridgePublisher;
import city.platform.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.CfnArchive;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Permission;
import software.constructs.Construct;

/**
 * The city's event bus, from the catalog: one custom EventBridge bus (no idle cost), an {@code AWS::Events::Rule}
 * per catalog event rule with its pattern verbatim and the target function's {@code live} alias as the target
 * (invoked asynchronously: the device functions' two retries and on-failure destination), {@code events:PutEvents}
 * on this bus for the catalog's publishers only, and with {@code -c eventArchiveDays=N} an archive that keeps N
 * days for replay (off by default: it bills per GB).
 */
public final class CityEventBus extends Construct {
  public static final String ARCHIVE_DAYS_CONTEXT = "eventArchiveDays";
  private static final TypeReference<Map<String, Object>> PATTERN = new TypeReference<>() {};

  private final EventBus bus;

  public CityEventBus(Construct scope, String id, String busName, Catalog catalog, CityFunctions functions) {
    super(scope, id);
    bus = EventBus.Builder.create(this, "Bus")
        .eventBusName(busName)
        .description("the city's domain events; rules join the domains")
        .build();
    for (EventRule rule : catalog.eventRules()) {
      rule(rule, functions);
    }
    for (String publisher : catalog.eventPublishers()) {
      CityFunction function = functions.function(publisher);
      function.function().addEnvironment(EventBridgePublisher.EVENT_BUS, bus.getEventBusName());
      bus.grantPutEventsTo(function.function());
    }
    archiveDays().ifPresent(days -> CfnArchive.Builder.create(this, "Archive")
        .sourceArn(bus.getEventBusArn())
        .retentionDays(days)
        .description("every event of the bus for " + days + " days, to replay a past day")
        .build());
  }

  public EventBus bus() {
    return bus;
  }

  private void rule(EventRule rule, CityFunctions functions) {
    CityFunction target = functions.function(rule.functionId());
    CfnRule cfnRule = CfnRule.Builder.create(this, "Rule-" + rule.name())
        .name(rule.name())
        .description(rule.description())
        .eventBusName(bus.getEventBusName())
        .eventPattern(Json.MAPPER.convertValue(rule.patternTree(), PATTERN))
        .state("ENABLED")
        .targets(List.of(CfnRule.TargetProperty.builder()
            .id(rule.functionId())
            .arn(target.alias().getFunctionArn())
            .build()))
        .build();
    target.alias().addPermission("InvokedBy-" + rule.name(), Permission.builder()
        .principal(new ServicePrincipal("events.amazonaws.com"))
        .action("lambda:InvokeFunction")
        .sourceArn(cfnRule.getAttrArn())
        .sourceAccount(Stack.of(this).getAccount())
        .build());
    functions.invokedAsynchronously(rule.functionId());
  }

  private Optional<Integer> archiveDays() {
    Object value = getNode().tryGetContext(ARCHIVE_DAYS_CONTEXT);
    if (value == null) {
      return Optional.empty();
    }
    int days;
    try {
      days = Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-c " + ARCHIVE_DAYS_CONTEXT + " must be a whole number of days, not " + value);
    }
    if (days < 1) {
      throw new IllegalArgumentException("-c " + ARCHIVE_DAYS_CONTEXT + " must be at least 1 (leave it out for no archive)");
    }
    return Optional.of(days);
  }
}
