package city.infra;

import city.catalog.FunctionSpec;
import city.catalog.TopicRule;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.destinations.LambdaDestination;
import software.constructs.Construct;

/**
 * Every catalog function, and the asynchronous invocation policy of the ones devices and the city bus trigger:
 * two retries within an hour, then the event goes to {@value #FAILED_EVENTS} which keeps it as a dead letter, so no device
 * message is lost silently.
 */
public final class CityFunctions extends Construct {
  /** The catalog function that receives events whose retries are exhausted. */
  public static final String FAILED_EVENTS = "FailedEvents";
  static final Duration MAX_EVENT_AGE = Duration.hours(1);

  private final Map<String, CityFunction> functions = new LinkedHashMap<>();
  private final Set<String> asyncConfigured = new HashSet<>();

  public CityFunctions(Construct scope, String id, List<FunctionSpec> specs, List<TopicRule> rules,
      Code code, Optional<ILayerVersion> webFiles, CityTables tables, Settings settings) {
    super(scope, id);
    for (FunctionSpec spec : specs) {
      functions.put(spec.id(), new CityFunction(this, spec, code, webFiles.filter(layer -> spec.servesWebFiles()),
          tables, settings));
    }
    rules.stream().map(TopicRule::functionId).distinct().forEach(this::invokedAsynchronously);
  }

  /** Gives the function the asynchronous invocation policy, once, whatever invokes it so (a topic or an event rule). */
  public void invokedAsynchronously(String functionId) {
    CityFunction target = function(functionId);
    if (!asyncConfigured.add(functionId)) {
      return;
    }
    EventInvokeConfigOptions.Builder options = EventInvokeConfigOptions.builder()
        .retryAttempts(FunctionSpec.ASYNC_RETRIES)
        .maxEventAge(MAX_EVENT_AGE);
    failedEvents().filter(failed -> failed != target)
        .ifPresent(failed -> options.onFailure(new LambdaDestination(failed.alias())));
    target.alias().configureAsyncInvoke(options.build());
  }

  public CityFunction function(String functionId) {
    CityFunction function = functions.get(functionId);
    if (function == null) {
      throw new IllegalArgumentException("a trigger names function " + functionId + ", which no domain declares");
    }
    return function;
  }

  public Optional<CityFunction> failedEvents() {
    return Optional.ofNullable(functions.get(FAILED_EVENTS));
  }

  public Map<String, CityFunction> all() {
    return functions;
  }
}
