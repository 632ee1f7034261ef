package city.dispatch.core;

/**
 * One Open311 service the city accepts, with the unit kind and priority a request of it gets.
 *
 * @param priority 1 is the most urgent
 */
public record ServiceDefinition(
    String serviceCode,
    String serviceName,
    String description,
    String group,
    String keywords,
    String kind,
    int priority) {}
