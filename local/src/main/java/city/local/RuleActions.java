package city.local;

import city.local.iot.InboundMessage;
import city.local.iot.RuleRouter;
import city.local.iot.Routing;
import city.local.lambda.AsyncInvoker;
import city.platform.DeadLetter;
import city.platform.DeadLetterStore;
import city.platform.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule actions: each rule that fires invokes its function asynchronously with the rule's output as
 * the event (serialised to JSON and back, as Lambda delivers it); a refused message or an invocation that
 * failed all its attempts becomes a dead letter with the reason.
 */
final class RuleActions implements Consumer<InboundMessage> {
  private static final Logger LOG = LoggerFactory.getLogger(RuleActions.class);
  private static final TypeReference<Map<String, Object>> EVENT = new TypeReference<>() {};

  private final RuleRouter router;
  private final AsyncInvoker invoker;
  private final DeadLetterStore deadLetters;
  private final AtomicLong received = new AtomicLong();

  RuleActions(RuleRouter router, AsyncInvoker invoker, DeadLetterStore deadLetters) {
    this.router = router;
    this.invoker = invoker;
    this.deadLetters = deadLetters;
  }

  /** Messages fully routed: their invocations are queued (or they were dead-lettered or ignored). */
  long received() {
    return received.get();
  }

  @Override
  public void accept(InboundMessage message) {
    try {
      act(message);
    } finally {
      received.incrementAndGet();
    }
  }

  private void act(InboundMessage message) {
    Routing routing = router.route(message);
    if (routing instanceof Routing.Matched matched) {
      for (Routing.RuleMatch match : matched.matches()) {
        Map<String, Object> event = Json.MAPPER.convertValue(Json.MAPPER.valueToTree(match.event()), EVENT);
        Object deviceId = event.get("deviceId");
        invoker.invoke(match.rule().functionId(), event,
            reason -> deadLetter(message, deviceId == null ? "" : deviceId.toString(), reason));
      }
    } else if (routing instanceof Routing.Refused refused) {
      LOG.warn("refused message on {}: {}", message.topic(), refused.reason());
      deadLetter(message, "", refused.reason());
    } else if (routing instanceof Routing.Unrouted unrouted && !unrouted.cloudToDevice()) {
      LOG.debug("no topic rule reads {}: ignored, as IoT Core would", message.topic());
    }
  }

  private void deadLetter(InboundMessage message, String deviceId, String reason) {
    try {
      deadLetters.record(new DeadLetter(message.topic(), deviceId, reason,
          Instant.ofEpochMilli(message.receivedAtMillis()), message.payloadText()));
    } catch (RuntimeException e) {
      LOG.error("could not keep the dead letter for {} ({}): {}", message.topic(), reason, e.toString());
    }
  }
}
