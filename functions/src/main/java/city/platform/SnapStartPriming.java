package city.platform;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Warms, before SnapStart takes its snapshot, what every cold start would otherwise pay for: Jackson, and the
 * DynamoDB client's classes, signer and connection, with one GetItem of a key that never exists (half a read
 * unit per published version). Runs only where a checkpoint is taken (Lambda publishing a SnapStart
 * version); on an ordinary JVM, the twin and tests included, org.crac never calls it.
 */
final class SnapStartPriming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
  /** Held strongly: org.crac keeps only weak references to registered resources. */
  private static final SnapStartPriming INSTANCE = new SnapStartPriming();
  private static final AtomicBoolean REGISTERED = new AtomicBoolean();

  private SnapStartPriming() {}

  static void register() {
    if (REGISTERED.compareAndSet(false, true)) {
      Core.getGlobalContext().register(INSTANCE);
    }
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    Json.parse(Json.write(Map.of("primed", true)));
    Config.optional(AwsClients.PRIMING_TABLE).ifPresent(table -> {
      try {
        AwsClients.dynamoDb().getItem(request -> request.tableName(table).key(DynamoItems.key("PRIMING", "PRIMING")));
      } catch (SdkException e) {
        // a snapshot without a warm client is still correct, only its first call is slower
        LOG.warn("priming against {} failed: {}", table, e.getMessage());
      }
    });
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing to refresh: credentials and region come from the restored environment on the next call
  }
}
