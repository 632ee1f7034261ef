package city.local.delivery;

import city.local.lambda.AsyncInvoker;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the targets of one journaled message through the twin's async invoker and tells the journal of every
 * failed attempt and every finished target, so that a restart resumes the message where it stood: targets
 * already done are not run again, failed attempts count against the retries, and a twin that stops before an
 * invocation could run leaves it in a durable journal instead of failing it.
 */
public final class JournaledDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(JournaledDelivery.class);

  /**
   * One function the message goes to.
   *
   * @param name the rule's name, as the journal records it
   * @param deadLetter keeps the reason of a failure for good; false when it could not be kept (the message then
   *     stays unfinished in the journal)
   */
  public record Target(String name, String functionId, Object event, Predicate<String> deadLetter) {}

  private final Journal journal;
  private final AsyncInvoker invoker;

  public JournaledDelivery(Journal journal, AsyncInvoker invoker) {
    this.journal = journal;
    this.invoker = invoker;
  }

  /** Invokes every target the message has not finished yet; the message is done once all of them are. */
  public void deliver(UnfinishedMessage message, List<Target> targets) {
    List<Target> todo = targets.stream().filter(target -> !message.rulesDone().contains(target.name())).toList();
    if (todo.isEmpty()) {
      journal.messageDone(message.id());
      return;
    }
    AtomicInteger left = new AtomicInteger(todo.size());
    for (Target target : todo) {
      invoke(message, target, left);
    }
  }

  private void invoke(UnfinishedMessage message, Target target, AtomicInteger left) {
    long id = message.id();
    Runnable finished = () -> {
      journal.ruleDone(id, target.name());
      if (left.decrementAndGet() == 0) {
        journal.messageDone(id);
      }
    };
    int failed = message.failedAttempts(target.name());
    if (failed >= invoker.attempts()) {
      // every attempt failed before the restart; only the dead letter was missing
      if (target.deadLetter().test(message.failures().get(target.name()).lastReason())) {
        finished.run();
      }
      return;
    }
    invoker.invoke(target.functionId(), target.event(), failed + 1, new AsyncInvoker.Outcome() {
      @Override
      public void attemptFailed(int attempt, String reason) {
        journal.attemptFailed(id, target.name(), attempt, reason);
      }

      @Override
      public void succeeded() {
        finished.run();
      }

      @Override
      public void failed(String reason) {
        if (target.deadLetter().test(reason)) {
          finished.run();
        }
      }

      @Override
      public void notRun(String reason) {
        if (journal.durable()) {
          LOG.info("{}: the invocation for {} waits in the journal for the next start", reason, message.message().topic());
        } else {
          failed(reason);
        }
      }
    });
  }
}
