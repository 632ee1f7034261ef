package city.parking;

import city.catalog.Catalog;
import city.catalog.TableSpec;
import city.local.RepoRoot;
import city.local.dynamodb.Dynalite;
import city.local.dynamodb.TableCreator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The twin's dynalite (in memory), one per test class: register it as a static {@code @RegisterExtension}
 * field. Each test takes fresh copies of the catalog's parking table (one dynalite holds, say, an in-order and
 * a shuffled copy).
 */
final class ParkingDynalite implements BeforeAllCallback, AfterAllCallback {
  private static final AtomicInteger TABLES = new AtomicInteger();

  private Dynalite dynalite;
  private DynamoDbClient client;

  @Override
  public void beforeAll(ExtensionContext context) {
    dynalite = Dynalite.start(RepoRoot.find(), Optional.empty());
    client = client(dynalite, List.of());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (client != null) {
      client.close();
    }
    if (dynalite != null) {
      dynalite.close();
    }
  }

  /** A new, empty parking table as the catalog declares it. */
  String parkingTable() {
    String name = "Parking" + TABLES.incrementAndGet();
    TableSpec parking = Catalog.standard().tables().stream().filter(t -> t.id().equals("Parking")).findFirst().orElseThrow();
    new TableCreator(client).ensure(List.of(parking), Map.of("Parking", name));
    return name;
  }

  DynamoDbClient client() {
    return client;
  }

  /** Another client on the same dynalite, with interceptors (the capacity meter). */
  DynamoDbClient client(List<ExecutionInterceptor> interceptors) {
    return client(dynalite, interceptors);
  }

  private static DynamoDbClient client(Dynalite dynalite, List<ExecutionInterceptor> interceptors) {
    return DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().build())
        .region(Region.of("cn-north-1"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(dynalite.endpoint())
        .overrideConfiguration(ClientOverrideConfiguration.builder().executionInterceptors(interceptors).build())
        .build();
  }
}
