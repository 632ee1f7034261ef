package city.infra;

import java.util.Map;
import java.util.Optional;

/**
 * What Lambda offers a Java function in a region, as far as it is confirmed: the defaults of the
 * {@code architecture} and {@code snapStart} context keys. The table and its sources are in docs/deploy.md
 * ("Regions"); a region not listed gets what every commercial region has (arm64, SnapStart for Java).
 *
 * @param architecture {@link #ARM64} or {@link #X86_64}, as Lambda (and the cost estimator's price book) names it
 */
public record LambdaRegion(String architecture, boolean snapStart) {
  public static final String ARM64 = "arm64";
  public static final String X86_64 = "x86_64";

  /** Graviton Lambda and SnapStart for Java: every commercial region this project has deployed to. */
  static final LambdaRegion COMMERCIAL = new LambdaRegion(ARM64, true);
  /**
   * The China regions: arm64 Lambda is unconfirmed there, and CloudFormation's China resource specification (as
   * cfn-lint reads it) has no SnapStart while the China Lambda guide documents it: off until a deploy confirms
   * it, so the first deploy cannot fail on it ({@code -c snapStart=true} opts in).
   */
  static final LambdaRegion CHINA = new LambdaRegion(X86_64, false);

  private static final Map<String, LambdaRegion> LISTED = Map.of(
      "cn-north-1", CHINA,
      "cn-northwest-1", CHINA);

  /** The defaults for the stack's region; an unpinned stack is assumed commercial (pin China regions). */
  public static LambdaRegion of(Optional<String> region) {
    return region.map(r -> LISTED.getOrDefault(r, COMMERCIAL)).orElse(COMMERCIAL);
  }

  static String checkedArchitecture(String value) {
    if (!value.equals(ARM64) && !value.equals(X86_64)) {
      throw new IllegalArgumentException("-c architecture=" + value + ": expected " + ARM64 + " or " + X86_64);
    }
    return value;
  }
}
