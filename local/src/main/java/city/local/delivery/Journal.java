package city.local.delivery;

import city.local.iot.InboundMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The record of every device message the twin acknowledged until the rules engine has finished with it:
 * each rule's invocation succeeded or was dead-lettered after its attempts. What Lambda's async queue is in
 * the cloud. A message is acknowledged only after {@link #append} completed; on start the twin resumes
 * {@link #unfinished()}.
 */
public interface Journal extends AutoCloseable {
  /** Completes with the message's id once the message is kept (on disk: written and forced). */
  CompletableFuture<Long> append(InboundMessage message);

  /** Attempt {@code attempt} of the rule's invocation failed; a resumed message continues after it. */
  void attemptFailed(long id, String rule, int attempt, String reason);

  /** The rule's invocation succeeded or its failure was dead-lettered. */
  void ruleDone(long id, String rule);

  /** Nothing is left to do for the message. */
  void messageDone(long id);

  /** What the previous run accepted and did not finish, oldest first (known when the journal opened). */
  List<UnfinishedMessage> unfinished();

  /** True when what was appended survives the process: the work of a stopping twin may wait for the next start. */
  boolean durable();

  @Override
  void close();

  /** For tests and the demo: ids and nothing else, as fast as before the journal existed. */
  static Journal inMemory() {
    return new MemoryJournal();
  }
}
