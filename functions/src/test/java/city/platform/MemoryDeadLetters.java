package city.platform;

import java.util.ArrayList;
import java.util.List;

/** Keeps dead letters in a list, for unit tests of adapters; the DynamoDB store is tested on dynalite. */
public final class MemoryDeadLetters implements DeadLetterStore {
  public final List<DeadLetter> letters = new ArrayList<>();

  @Override
  public void record(DeadLetter deadLetter) {
    letters.add(deadLetter);
  }

  @Override
  public List<DeadLetter> recent(int limit) {
    return letters.subList(Math.max(0, letters.size() - limit), letters.size());
  }
}
