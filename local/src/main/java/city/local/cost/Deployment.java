package city.local.cost;

/**
 * The deployed stack's billable shape that the catalog does not say, checked against the synthesized
 * template by infra's CostCoverageTest.
 *
 * @param cloudwatchAlarms alarms the cost guardrails create
 * @param budgets AWS Budgets budgets (no actions)
 * @param logRetentionDays retention of every log group
 * @param httpAccessLogs whether the HTTP API writes an access log line per request
 */
public record Deployment(int cloudwatchAlarms, int budgets, int logRetentionDays, boolean httpAccessLogs) {}
