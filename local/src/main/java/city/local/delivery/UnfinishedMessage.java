package city.local.delivery;

import city.local.iot.InboundMessage;
import java.util.Map;
import java.util.Set;

/**
 * A journaled message the rules engine has not finished with.
 *
 * @param rulesDone rules whose invocation already succeeded or was dead-lettered
 * @param failures per rule, the attempts that already failed
 */
public record UnfinishedMessage(long id, InboundMessage message, Set<String> rulesDone, Map<String, FailedAttempts> failures) {
  public UnfinishedMessage {
    rulesDone = Set.copyOf(rulesDone);
    failures = Map.copyOf(failures);
  }

  /** A message just journaled: every rule still to run. */
  public static UnfinishedMessage fresh(long id, InboundMessage message) {
    return new UnfinishedMessage(id, message, Set.of(), Map.of());
  }

  /** How many attempts of a rule's invocation failed, and the last one's reason. */
  public record FailedAttempts(int attempts, String lastReason) {}

  public int failedAttempts(String rule) {
    FailedAttempts failed = failures.get(rule);
    return failed == null ? 0 : failed.attempts();
  }
}
