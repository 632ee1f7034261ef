package city.local.dynamodb;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The twin's own DynamoDB client (tables, dead letters): dynalite accepts any credentials. */
public final class LocalDynamoDb {
  private LocalDynamoDb() {}

  public static DynamoDbClient client(URI endpoint, String region) {
    return DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().build())
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(endpoint)
        .build();
  }
}
