package city.local.cost;

/**
 * A month's quantity of one billed item, in the item's base quantity (requests, GB-seconds, messages...).
 *
 * @param source what caused it: a function id, or a part of the stack ("connections", "storage", "stack")
 * @param fixed billed with no device and no user at all (schedules, alarms): the idle cost
 */
public record Usage(String domain, String item, double quantity, boolean fixed, String source) {}
