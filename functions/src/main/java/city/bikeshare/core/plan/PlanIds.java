package city.bikeshare.core.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Plan ids that sort like their creation time: a fixed-width UTC timestamp to the millisecond, then a random
 * suffix that keeps two planners started in the same millisecond apart.
 */
public final class PlanIds {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final Supplier<String> suffix;

  public PlanIds(Supplier<String> suffix) {
    this.suffix = suffix;
  }

  public static PlanIds random() {
    return new PlanIds(() -> String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24)));
  }

  public String next(Instant createdAt) {
    return "P" + STAMP.format(createdAt) + "-" + suffix.get();
  }
}
