package city.local.events;

import city.catalog.EventRule;
import city.local.lambda.AsyncInvoker;
import city.platform.DeadLetter;
import city.platform.DeadLetterStore;
import city.platform.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city bus of the twin: an accepted event gets EventBridge's envelope (a fresh id, time to the second), is
 * matched against every rule, and each matching rule's function is invoked asynchronously through the twin's
 * invoker, with the device functions' retries; a target that fails them all leaves a dead letter under
 * {@code events/<source>/<detail-type>}, as the cloud's on-failure destination does.
 */
public final class TwinEventBus {
  private static final Logger LOG = LoggerFactory.getLogger(TwinEventBus.class);
  private static final TypeReference<Map<String, Object>> EVENT = new TypeReference<>() {};
  /** What the twin says its account is (EventBridge puts the account id into every event). */
  static final String ACCOUNT = "000000000000";

  private final String name;
  private final String region;
  private final EventRouter router;
  private final AsyncInvoker invoker;
  private final DeadLetterStore deadLetters;
  private final AtomicLong accepted = new AtomicLong();

  public TwinEventBus(String name, String region, EventRouter router, AsyncInvoker invoker, DeadLetterStore deadLetters) {
    this.name = name;
    this.region = region;
    this.router = router;
    this.invoker = invoker;
    this.deadLetters = deadLetters;
  }

  public String name() {
    return name;
  }

  /** Events accepted so far. */
  public long accepted() {
    return accepted.get();
  }

  /**
   * One PutEvents entry already checked by the endpoint; {@code detail} is a JSON object.
   *
   * @return the event's id
   */
  public String put(String source, String detailType, Instant time, ObjectNode detail, ArrayNode resources) {
    String id = UUID.randomUUID().toString();
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.put("version", "0");
    event.put("id", id);
    event.put("detail-type", detailType);
    event.put("source", source);
    event.put("account", ACCOUNT);
    event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
    event.put("region", region);
    event.set("resources", resources);
    event.set("detail", detail);
    String json = Json.write(event);
    accepted.incrementAndGet();
    for (EventRule rule : router.matching(json)) {
      Map<String, Object> delivered = Json.MAPPER.convertValue(event, EVENT);
      invoker.invoke(rule.functionId(), delivered, reason -> deadLetter(event, rule, reason, json));
    }
    return id;
  }

  private void deadLetter(JsonNode event, EventRule rule, String reason, String json) {
    String topic = "events/" + event.path("source").asText() + "/" + event.path("detail-type").asText();
    try {
      deadLetters.record(new DeadLetter(topic, "", "rule " + rule.name() + ": " + reason,
          Instant.parse(event.path("time").asText()), json));
    } catch (RuntimeException e) {
      LOG.error("could not keep the dead letter of {} ({}): {}", topic, reason, e.toString());
    }
  }
}
