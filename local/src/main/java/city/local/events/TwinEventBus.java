package city.local.events;

import city.catalog.EventRule;
import city.local.delivery.Journal;
import city.local.delivery.JournaledDelivery;
import city.local.delivery.UnfinishedMessage;
import city.local.iot.InboundMessage;
import city.local.lambda.AsyncInvoker;
import city.platform.DeadLetter;
import city.platform.DeadLetterStore;
import city.platform.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city bus of the twin: an accepted event gets EventBridge's envelope (a fresh id, time to the second), is
 * matched against every rule, and each matching rule's function is invoked asynchronously through the twin's
 * invoker, with the device functions' retries; a target that fails them all leaves a dead letter under
 * {@code events/<source>/<detail-type>}, as the cloud's on-failure destination does. An event some rule
 * matches is journaled before PutEvents answers, as a device message is before its PUBACK: what a stop or a
 * crash left undelivered resumes on the next start ({@link #resume}).
 */
public final class TwinEventBus {
  private static final Logger LOG = LoggerFactory.getLogger(TwinEventBus.class);
  private static final TypeReference<Map<String, Object>> EVENT = new TypeReference<>() {};
  /** What the twin says its account is (EventBridge puts the account id into every event). */
  static final String ACCOUNT = "000000000000";
  /** Dead letters and journal entries of events are kept under {@code events/<source>/<detail-type>}. */
  private static final String TOPIC_PREFIX = "events/";
  private static final String CLIENT_ID = "event-bus";
  /** Far above a journal's fsync; when it passes, the event is refused rather than accepted. */
  private static final Duration KEEP_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final String region;
  private final EventRouter router;
  private final JournaledDelivery delivery;
  private final Journal journal;
  private final DeadLetterStore deadLetters;
  private final AtomicLong accepted = new AtomicLong();

  public TwinEventBus(String name, String region, EventRouter router, AsyncInvoker invoker, Journal journal,
      DeadLetterStore deadLetters) {
    this.name = name;
    this.region = region;
    this.router = router;
    this.delivery = new JournaledDelivery(journal, invoker);
    this.journal = journal;
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
    if (!router.matching(json).isEmpty()) {
      InboundMessage kept = new InboundMessage(TOPIC_PREFIX + source + "/" + detailType,
          json.getBytes(StandardCharsets.UTF_8), CLIENT_ID, System.currentTimeMillis());
      deliver(UnfinishedMessage.fresh(keep(kept), kept));
    }
    return id;
  }

  /** Delivers what an earlier run accepted and did not finish; call once, as the twin starts. */
  public void resume(List<UnfinishedMessage> unfinished) {
    unfinished.forEach(this::deliver);
  }

  private long keep(InboundMessage event) {
    try {
      return journal.append(event).get(KEEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while journaling the event", e);
    } catch (ExecutionException | TimeoutException e) {
      // PutEvents answers 500: the publisher's invocation fails and its retry publishes again
      throw new IllegalStateException("the event could not be journaled", e);
    }
  }

  private void deliver(UnfinishedMessage message) {
    String json = message.message().payloadText();
    JsonNode event = Json.parse(json);
    Map<String, Object> delivered = Json.MAPPER.convertValue(event, EVENT);
    delivery.deliver(message, router.matching(json).stream()
        .map(rule -> new JournaledDelivery.Target(rule.name(), rule.functionId(), delivered,
            reason -> deadLetter(event, rule, reason, json)))
        .toList());
  }

  /** False when the dead letter could not be kept: the event then stays unfinished in the journal. */
  private boolean deadLetter(JsonNode event, EventRule rule, String reason, String json) {
    String topic = TOPIC_PREFIX + event.path("source").asText() + "/" + event.path("detail-type").asText();
    try {
      deadLetters.record(new DeadLetter(topic, "", "rule " + rule.name() + ": " + reason,
          Instant.parse(event.path("time").asText()), json));
      return true;
    } catch (RuntimeException e) {
      LOG.error("could not keep the dead letter of {} ({}): {}", topic, reason, e.toString());
      return false;
    }
  }
}
