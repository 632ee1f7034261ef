package city.local.delivery;

import city.local.iot.InboundMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** A journal that keeps nothing: an in-memory twin loses its queue with its JVM, as before. */
final class MemoryJournal implements Journal {
  private final AtomicLong ids = new AtomicLong();

  @Override
  public CompletableFuture<Long> append(InboundMessage message) {
    return CompletableFuture.completedFuture(ids.incrementAndGet());
  }

  @Override
  public void attemptFailed(long id, String rule, int attempt, String reason) {}

  @Override
  public void ruleDone(long id, String rule) {}

  @Override
  public void messageDone(long id) {}

  @Override
  public List<UnfinishedMessage> unfinished() {
    return List.of();
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public void close() {}
}
