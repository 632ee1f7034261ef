package city.local.faults;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.iotdataplane.model.IotDataPlaneException;

/**
 * One way an SDK call fails, as the service fails it. Faults "before sending" are refusals: the service did
 * nothing (throttling, capacity, an unavailable endpoint). Faults "after the answer" are lost answers: the
 * request was carried out, then the caller saw an error (a 500 or an attempt timeout), which is why every
 * write must be safe to repeat.
 */
public enum Fault {
  DYNAMODB_THROTTLING(FaultTarget.DYNAMODB, "DynamoDB ThrottlingException", true),
  DYNAMODB_THROUGHPUT_EXCEEDED(FaultTarget.DYNAMODB, "DynamoDB ProvisionedThroughputExceededException", true),
  DYNAMODB_INTERNAL_ERROR(FaultTarget.DYNAMODB, "DynamoDB HTTP 500 after the write", false),
  DYNAMODB_TIMEOUT(FaultTarget.DYNAMODB, "DynamoDB attempt timeout after the write", false),
  IOT_UNAVAILABLE(FaultTarget.IOT, "IoT Publish HTTP 503", true),
  IOT_TIMEOUT(FaultTarget.IOT, "IoT Publish attempt timeout after delivery", false),
  EVENTS_INTERNAL_ERROR(FaultTarget.EVENTS, "PutEvents HTTP 500", true),
  EVENTS_TIMEOUT(FaultTarget.EVENTS, "PutEvents attempt timeout after delivery", false);

  private static final String INJECTED = "injected by the twin's fault plan (" + FaultPlan.VARIABLE + ")";

  private final FaultTarget target;
  private final String label;
  private final boolean beforeSending;

  Fault(FaultTarget target, String label, boolean beforeSending) {
    this.target = target;
    this.label = label;
    this.beforeSending = beforeSending;
  }

  public FaultTarget target() {
    return target;
  }

  public String label() {
    return label;
  }

  /** True for a refusal (nothing was done), false for a lost answer (the request was carried out). */
  public boolean beforeSending() {
    return beforeSending;
  }

  /** The exception the SDK would raise for this fault: its retry policy treats it as it treats the real one. */
  SdkException exception() {
    return switch (this) {
      case DYNAMODB_THROTTLING -> service(DynamoDbException.builder(), 400, "ThrottlingException", "DynamoDb");
      case DYNAMODB_THROUGHPUT_EXCEEDED -> service(ProvisionedThroughputExceededException.builder(), 400,
          "ProvisionedThroughputExceededException", "DynamoDb");
      case DYNAMODB_INTERNAL_ERROR -> service(DynamoDbException.builder(), 500, "InternalServerError", "DynamoDb");
      case IOT_UNAVAILABLE -> service(IotDataPlaneException.builder(), 503, "ServiceUnavailableException", "IoT Data Plane");
      case EVENTS_INTERNAL_ERROR -> service(EventBridgeException.builder(), 500, "InternalException", "EventBridge");
      case DYNAMODB_TIMEOUT, IOT_TIMEOUT, EVENTS_TIMEOUT -> ApiCallAttemptTimeoutException.builder()
          .message("HTTP request execution did not complete before the specified timeout configuration: " + INJECTED)
          .build();
    };
  }

  private static AwsServiceException service(AwsServiceException.Builder builder, int status, String code, String service) {
    return builder.statusCode(status).message(code + ": " + INJECTED)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(INJECTED).serviceName(service)
            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build())
        .build();
  }
}
