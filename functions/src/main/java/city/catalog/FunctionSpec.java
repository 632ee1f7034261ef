package city.catalog;

import java.util.List;

/**
 * One Lambda function: a handler class of the shaded jar with its sizing and the exact resources it may
 * touch. CDK grants only these tables and publish topics; the twin instantiates the handler class once.
 *
 * @param publishTopics IoT topic patterns the function publishes to, with {@code +} for one level
 * @param reservedConcurrency cap on parallel executions: a spend circuit breaker, not a performance knob
 */
public record FunctionSpec(
    String id,
    String handlerClass,
    int memoryMb,
    int timeoutSeconds,
    int reservedConcurrency,
    List<String> tables,
    List<String> publishTopics,
    String why) {}
