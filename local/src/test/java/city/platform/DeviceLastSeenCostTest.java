package city.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import city.catalog.Catalog;
import city.catalog.DeviceClass;
import city.catalog.TableSpec;
import city.local.RepoRoot;
import city.local.dynamodb.Dynalite;
import city.local.dynamodb.TableCreator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * What device health costs per message, on dynalite: a device that speaks every 10 s with a 30-minute heartbeat writes
 * its last-seen time once per 3 minutes per execution environment, not once per message; an environment holding an
 * older time never moves a newer one back.
 */
class DeviceLastSeenCostTest {
  private static final DeviceClass DOCK = new DeviceClass("dock", Duration.ofMinutes(30));
  private static final Instant T0 = Instant.parse("2026-11-28T01:00:00Z");
  private static final AtomicInteger UPDATES = new AtomicInteger();
  private static Dynalite dynalite;
  private static DynamoDbClient client;
  private static String table;

  @BeforeAll
  static void start() {
    dynalite = Dynalite.start(RepoRoot.find(), Optional.empty());
    client = DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().build())
        .region(Region.of("cn-north-1"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(dynalite.endpoint())
        .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof UpdateItemRequest) {
              UPDATES.incrementAndGet();
            }
          }
        }).build())
        .build();
    TableSpec platform = Catalog.standard().tables().stream()
        .filter(t -> t.id().equals(DynamoDeadLetterStore.TABLE_ID)).findFirst().orElseThrow();
    table = "Platform1";
    new TableCreator(client).ensure(List.of(platform), Map.of(DynamoDeadLetterStore.TABLE_ID, table));
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (dynalite != null) {
      dynalite.close();
    }
  }

  @Test
  void anHourOfMessagesEveryTenSecondsCostsTwentyWritesNotThreeHundredAndSixty() {
    DynamoDeviceHealth health = new DynamoDeviceHealth(client, table, DeviceHeartbeats.of(TestCity.sample()));
    UPDATES.set(0);
    for (int second = 0; second < 3600; second += 10) {
      health.seen("B1", DOCK, T0.plusSeconds(second));
    }
    System.out.println("MEASURED device last-seen: 360 messages in an hour, 30-minute heartbeat: " + UPDATES.get()
        + " conditional updates (1 WRU each)");
    assertEquals(20, UPDATES.get(), "one write per 3 minutes (a tenth of the heartbeat)");
    assertEquals(T0.plusSeconds(3420), health.all().get("B1").lastSeen());

    DynamoDeviceHealth behind = new DynamoDeviceHealth(client, table, DeviceHeartbeats.of(TestCity.sample()));
    behind.seen("B1", DOCK, T0.plusSeconds(600));
    assertEquals(T0.plusSeconds(3420), health.all().get("B1").lastSeen(), "an older time never moves it back");
  }
}
