package city.bikeshare.core.rebalance;

import java.time.Duration;

/**
 * Limits of one solver run. The search stops at the first of: {@code effortLimit} units of work spent
 * (about one local search move priced each, some tens of nanoseconds; see {@link EffortMeter}),
 * {@code stallIterations} iterations without a new best plan, or {@code timeLimit} of wall clock.
 * The first two are counted, not timed, so a run they stop is deterministic for its seed on every
 * machine; the time limit is only a safety cap, and a run it cuts short depends on the machine's speed.
 */
public record SolverSettings(long seed, long effortLimit, long stallIterations, Duration timeLimit) {

  /**
   * About 1 s on the reference machine (one core of a 2-core VM) whatever the instance's size or shape,
   * leaving room under the time cap for a cold JIT or a busy machine.
   */
  public static final long DEFAULT_EFFORT_LIMIT = 36_000_000L;
  public static final long DEFAULT_STALL_ITERATIONS = 5_000;
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMillis(1500);

  public SolverSettings {
    if (effortLimit < 1 || stallIterations < 1) {
      throw new IllegalArgumentException("effort and stall limits must be positive");
    }
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("time limit must be positive, was " + timeLimit);
    }
  }

  public static SolverSettings defaults() {
    return new SolverSettings(1L, DEFAULT_EFFORT_LIMIT, DEFAULT_STALL_ITERATIONS, DEFAULT_TIME_LIMIT);
  }

  public SolverSettings withSeed(long newSeed) {
    return new SolverSettings(newSeed, effortLimit, stallIterations, timeLimit);
  }

  public SolverSettings withEffortLimit(long limit) {
    return new SolverSettings(seed, limit, stallIterations, timeLimit);
  }

  public SolverSettings withTimeLimit(Duration limit) {
    return new SolverSettings(seed, effortLimit, stallIterations, limit);
  }
}
