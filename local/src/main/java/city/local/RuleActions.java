package city.local;

import city.local.delivery.Journal;
import city.local.delivery.JournaledDelivery;
import city.local.delivery.UnfinishedMessage;
import city.local.iot.InboundMessage;
import city.local.iot.RuleRouter;
import city.local.iot.Routing;
import city.local.lambda.AsyncInvoker;
import city.local.mqtt.MqttBroker;
import city.platform.DeadLetter;
import city.platform.DeadLetterStore;
import city.platform.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule actions: a message is journaled first (the broker acknowledges it only then), then each rule
 * that fires invokes its function asynchronously with the rule's output as the event (serialised to JSON and
 * back, as Lambda delivers it); a refused message or an invocation that failed all its attempts becomes a
 * dead letter with the reason. The journal hears of every failed attempt and every finished rule, so a
 * twin that restarts resumes each unfinished message where it stood: rules already done are not run again,
 * failed attempts count against the retries.
 */
final class RuleActions implements MqttBroker.Intake, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RuleActions.class);
  private static final TypeReference<Map<String, Object>> EVENT = new TypeReference<>() {};

  private final RuleRouter router;
  private final DeadLetterStore deadLetters;
  private final Journal journal;
  private final JournaledDelivery delivery;
  /** Routing in arrival order, off the broker's and the journal's threads (a dead letter is a DynamoDB write). */
  private final ExecutorService rulesEngine = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "rules-engine");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong routed = new AtomicLong();

  RuleActions(RuleRouter router, AsyncInvoker invoker, DeadLetterStore deadLetters, Journal journal) {
    this.router = router;
    this.deadLetters = deadLetters;
    this.journal = journal;
    this.delivery = new JournaledDelivery(journal, invoker);
  }

  /** Messages fully routed: their invocations are queued (or they were dead-lettered or ignored). */
  long received() {
    return routed.get();
  }

  /** Messages accepted (acknowledged or resumed) that the rules engine has not routed yet. */
  long waiting() {
    return accepted.get() - routed.get();
  }

  /**
   * Journals the message, then routes it. The returned stage completes once the message is kept: a
   * message no rule reads needs no keeping and completes at once, as IoT Core would just drop it.
   */
  @Override
  public CompletableFuture<Long> accept(InboundMessage message) {
    accepted.incrementAndGet();
    if (router.route(message) instanceof Routing.Unrouted unrouted) {
      ignore(message, unrouted);
      routed.incrementAndGet();
      return CompletableFuture.completedFuture(0L);
    }
    CompletableFuture<Long> kept = journal.append(message);
    kept.whenComplete((id, error) -> {
      if (error != null) {
        // not acknowledged: the device keeps it and sends it again
        routed.incrementAndGet();
      } else {
        route(UnfinishedMessage.fresh(id, message));
      }
    });
    return kept;
  }

  /** Picks up what an earlier run journaled and did not finish, before any new message arrives. */
  void resume(List<UnfinishedMessage> unfinished) {
    for (UnfinishedMessage message : unfinished) {
      accepted.incrementAndGet();
      route(message);
    }
  }

  private void route(UnfinishedMessage message) {
    try {
      rulesEngine.execute(() -> {
        try {
          act(message);
        } catch (RuntimeException e) {
          LOG.error("rules engine failed on a message to {}; it stays in the journal", message.message().topic(), e);
        } finally {
          routed.incrementAndGet();
        }
      });
    } catch (RejectedExecutionException stopping) {
      routed.incrementAndGet();
      LOG.info("the twin is stopping: the message to {} waits in the journal for the next start", message.message().topic());
    }
  }

  private void act(UnfinishedMessage unfinished) {
    InboundMessage message = unfinished.message();
    long id = unfinished.id();
    Routing routing = router.route(message);
    if (routing instanceof Routing.Matched matched) {
      delivery.deliver(unfinished, matched.matches().stream().map(match -> target(message, match)).toList());
    } else if (routing instanceof Routing.Refused refused) {
      LOG.warn("refused message on {}: {}", message.topic(), refused.reason());
      if (deadLetter(message, "", refused.reason())) {
        journal.messageDone(id);
      }
    } else if (routing instanceof Routing.Unrouted unrouted) {
      ignore(message, unrouted);
      journal.messageDone(id);
    }
  }

  private JournaledDelivery.Target target(InboundMessage message, Routing.RuleMatch match) {
    Map<String, Object> event = Json.MAPPER.convertValue(Json.MAPPER.valueToTree(match.event()), EVENT);
    Object device = event.get("deviceId");
    String deviceId = device == null ? "" : device.toString();
    return new JournaledDelivery.Target(match.rule().name(), match.rule().functionId(), event,
        reason -> deadLetter(message, deviceId, reason));
  }

  private static void ignore(InboundMessage message, Routing.Unrouted unrouted) {
    if (!unrouted.cloudToDevice()) {
      LOG.debug("no topic rule reads {}: ignored, as IoT Core would", message.topic());
    }
  }

  /** False when the dead letter could not be kept: the message then stays unfinished in the journal. */
  private boolean deadLetter(InboundMessage message, String deviceId, String reason) {
    try {
      deadLetters.record(new DeadLetter(message.topic(), deviceId, reason,
          Instant.ofEpochMilli(message.receivedAtMillis()), message.payloadText()));
      return true;
    } catch (RuntimeException e) {
      LOG.error("could not keep the dead letter for {} ({}): {}", message.topic(), reason, e.toString());
      return false;
    }
  }

  /** Routes what was accepted before; call after the broker stopped, before draining the invocations. */
  @Override
  public void close() {
    rulesEngine.shutdown();
    try {
      if (!rulesEngine.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.error("the rules engine did not finish routing within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
