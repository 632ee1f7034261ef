package city.platform;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * AWS clients built once per execution environment and shared by every handler in it. Region and
 * credentials are explicit (no default-chain probing: it costs cold-start time and would reach for the
 * instance metadata address). An endpoint override points the same code at the local twin.
 */
public final class AwsClients {
  public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
  public static final String IOT_DATA_ENDPOINT = "IOT_DATA_ENDPOINT";
  /** One of the function's own tables, which SnapStart priming reads a missing key of (set by CDK). */
  public static final String PRIMING_TABLE = "PRIMING_TABLE";
  /** Set by the local twin only. */
  public static final String LOCAL_TWIN = "LOCAL_TWIN";
  public static final String REGION = "AWS_REGION";
  /** Where a city is deployed unless it says otherwise (the twin's region too). */
  public static final String DEFAULT_REGION = "cn-north-1";

  private static volatile DynamoDbClient dynamoDb;
  private static volatile IotDataPlaneClient iotData;

  private AwsClients() {}

  public static DynamoDbClient dynamoDb() {
    DynamoDbClient client = dynamoDb;
    if (client == null) {
      synchronized (AwsClients.class) {
        if (dynamoDb == null) {
          var builder = DynamoDbClient.builder()
              .httpClient(UrlConnectionHttpClient.builder().build())
              .region(region())
              .credentialsProvider(credentials());
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
              .endpointOverride(URI.create(Config.required(IOT_DATA_ENDPOINT)))
              .build();
        }
        client = iotData;
      }
    }
    return client;
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
