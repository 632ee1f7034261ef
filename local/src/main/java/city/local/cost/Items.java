package city.local.cost;

import java.util.List;

/** The billed items by name; the first eleven are a public contract of {@code ./city cost --json}. */
final class Items {
  static final String IOT_MESSAGES = "iot-messages";
  static final String IOT_RULES = "iot-rules";
  static final String IOT_ACTIONS = "iot-actions";
  static final String IOT_CONNECTION_MINUTES = "iot-connection-minutes";
  static final String LAMBDA_REQUESTS = "lambda-requests";
  static final String LAMBDA_GB_SECONDS = "lambda-gb-seconds";
  static final String DYNAMODB_WRU = "dynamodb-write-request-units";
  static final String DYNAMODB_RRU = "dynamodb-read-request-units";
  static final String HTTP_API_REQUESTS = "http-api-requests";
  static final String EVENTBRIDGE_EVENTS = "eventbridge-events";
  static final String LOGS_INGESTED_GB = "logs-ingested-gb";
  static final String LOGS_STORED_GB_MONTHS = "logs-stored-gb-months";
  static final String SCHEDULER_INVOCATIONS = "scheduler-invocations";
  static final String DYNAMODB_STORAGE_GB_MONTHS = "dynamodb-storage-gb-months";
  static final String DYNAMODB_PITR_GB_MONTHS = "dynamodb-pitr-gb-months";
  static final String CLOUDWATCH_ALARMS = "cloudwatch-alarms";
  static final String BUDGETS = "budgets";

  /** Every bill has a line for each of these, zero when unused, so a reader can rely on them. */
  static final List<String> CONTRACT = List.of(IOT_MESSAGES, IOT_RULES, IOT_ACTIONS, IOT_CONNECTION_MINUTES,
      LAMBDA_REQUESTS, LAMBDA_GB_SECONDS, DYNAMODB_WRU, DYNAMODB_RRU, HTTP_API_REQUESTS, EVENTBRIDGE_EVENTS,
      LOGS_INGESTED_GB);

  static final List<String> ALL = List.of(IOT_MESSAGES, IOT_RULES, IOT_ACTIONS, IOT_CONNECTION_MINUTES,
      LAMBDA_REQUESTS, LAMBDA_GB_SECONDS, DYNAMODB_WRU, DYNAMODB_RRU, HTTP_API_REQUESTS, EVENTBRIDGE_EVENTS,
      LOGS_INGESTED_GB, LOGS_STORED_GB_MONTHS, SCHEDULER_INVOCATIONS, DYNAMODB_STORAGE_GB_MONTHS,
      DYNAMODB_PITR_GB_MONTHS, CLOUDWATCH_ALARMS, BUDGETS);

  private Items() {}

  /** Counted items are billed in whole units; the others (GB, GB-seconds) in fractions. */
  static boolean counted(String item) {
    return !item.contains("gb");
  }
}
