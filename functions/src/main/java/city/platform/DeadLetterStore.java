package city.platform;

import java.util.List;

public interface DeadLetterStore {
  /** Idempotent: the same message refused twice (a redelivery) is kept once. */
  void record(DeadLetter deadLetter);

  /** Newest first. */
  List<DeadLetter> recent(int limit);
}
