package city.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * AWS clients built once per execution environment and shared by every handler in it. Region and
 * credentials are explicit (no default-chain probing: it costs cold-start time and would reach for the
 * instance metadata address). An endpoint override points the same code at the local twin.
 */
public final class AwsClients {
  public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
  public static final String IOT_DATA_ENDPOINT = "IOT_DATA_ENDPOINT";
  /** Set by the local twin only: its PutEvents endpoint. */
  public static final String EVENTS_ENDPOINT = "EVENTS_ENDPOINT";
  /** One of the function's own tables, which SnapStart priming reads a missing key of (set by CDK). */
  public static final String PRIMING_TABLE = "PRIMING_TABLE";
  /** Set by the local twin only. */
  public static final String LOCAL_TWIN = "LOCAL_TWIN";
  public static final String REGION = "AWS_REGION";
  /** Where a city is deployed unless it says otherwise (the twin's region too). */
  public static final String DEFAULT_REGION = "cn-north-1";
  /**
   * Comma-separated class names of SDK execution interceptors (public, no-arg) added to every client: how the
   * twin's usage meter sees each request. Never set in the cloud.
   */
  public static final String SDK_INTERCEPTORS = "SDK_INTERCEPTORS";

  private static volatile DynamoDbClient dynamoDb;
  private static volatile IotDataPlaneClient iotData;
  private static volatile EventBridgeClient eventBridge;

  private AwsClients() {}

  public static DynamoDbClient dynamoDb() {
    DynamoDbClient client = dynamoDb;
    if (client == null) {
      synchronized (AwsClients.class) {
        if (dynamoDb == null) {
          var builder = DynamoDbClient.builder()
              .httpClient(UrlConnectionHttpClient.builder().build())
              .region(region())
              .credentialsProvider(credentials())
              .overrideConfiguration(c -> c.executionInterceptors(interceptors()));
          Config.optional(DYNAMODB_ENDPOINT).map(URI::create).ifPresent(builder::endpointOverride);
          dynamoDb = builder.build();
          SnapStartPriming.register();
        }
        client = dynamoDb;
      }
    }
    return client;
  }

  /** Required in the cloud too: the account's IoT data endpoint (ats) comes from CDK. */
  public static IotDataPlaneClient iotData() {
    IotDataPlaneClient client = iotData;
    if (client == null) {
      synchronized (AwsClients.class) {
        if (iotData == null) {
          iotData = IotDataPlaneClient.builder()
              .httpClient(UrlConnectionHttpClient.builder().build())
              .region(region())
              .credentialsProvider(credentials())
              .overrideConfiguration(c -> c.executionInterceptors(interceptors()))
              .endpointOverride(URI.create(Config.required(IOT_DATA_ENDPOINT)))
              .build();
        }
        client = iotData;
      }
    }
    return client;
  }

  /** The regional EventBridge endpoint in the cloud; the twin's PutEvents endpoint when {@value #EVENTS_ENDPOINT} is set. */
  public static EventBridgeClient eventBridge() {
    EventBridgeClient client = eventBridge;
    if (client == null) {
      synchronized (AwsClients.class) {
        if (eventBridge == null) {
          var builder = EventBridgeClient.builder()
              .httpClient(UrlConnectionHttpClient.builder().build())
              .region(region())
              .credentialsProvider(credentials())
              .overrideConfiguration(c -> c.executionInterceptors(interceptors()));
          Config.optional(EVENTS_ENDPOINT).map(URI::create).ifPresent(builder::endpointOverride);
          eventBridge = builder.build();
        }
        client = eventBridge;
      }
    }
    return client;
  }

  private static List<ExecutionInterceptor> interceptors() {
    List<ExecutionInterceptor> interceptors = new ArrayList<>();
    for (String name : Config.string(SDK_INTERCEPTORS, "").split(",")) {
      if (!name.isBlank()) {
        try {
          interceptors.add((ExecutionInterceptor) Class.forName(name.trim(), true, AwsClients.class.getClassLoader())
              .getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | ClassCastException e) {
          throw new IllegalStateException(SDK_INTERCEPTORS + " names " + name + ", not a usable ExecutionInterceptor", e);
        }
      }
    }
    return interceptors;
  }

  private static Region region() {
    return Region.of(Config.string(REGION, DEFAULT_REGION));
  }

  /** Lambda puts the role's credentials into environment variables; the twin accepts any. */
  private static AwsCredentialsProvider credentials() {
    if (Config.optional(LOCAL_TWIN).isPresent()) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
    return EnvironmentVariableCredentialsProvider.create();
  }
}
