package city.parking.core;

import city.platform.Caller;
import city.platform.HttpError;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a licence plate looks like, so a token's plates claim names vehicles and nothing else. Mainland
 * plates (GA 36): a province's character, the issuing office's letter, then five characters (letters without
 * I and O, digits); new-energy plates have six (small: D, F or another of A-K first; large: five digits then D
 * or F); trailer, learner, police, Hong Kong, Macau, consulate and test plates end in their character after
 * four; embassy plates are 使 and six digits. Anything else (a foreign plate in a border county, military plates)
 * is accepted only if the city file's {@code parking.foreignPlatePattern} matches all of it.
 */
public final class PlateFormat {
  /** Longer than any plate: a claim value this long is refused before any pattern looks at it. */
  static final int MAX_LENGTH = 16;
  private static final String PROVINCE = "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]";
  private static final String OFFICE = "[A-HJ-NP-Z]";
  private static final String SERIAL = "[A-HJ-NP-Z0-9]";
  private static final Pattern MAINLAND = Pattern.compile(PROVINCE + OFFICE + "(?:"
      + SERIAL + "{5}"
      + "|[A-HJK]" + SERIAL + "[0-9]{4}"
      + "|[0-9]{5}[DF]"
      + "|" + SERIAL + "{4}[挂学警港澳领试]"
      + ")|使[0-9]{6}");

  private final Optional<Pattern> foreign;

  public PlateFormat(Optional<Pattern> foreign) {
    this.foreign = foreign;
  }

  public boolean accepts(String plate) {
    return plate.length() <= MAX_LENGTH
        && (MAINLAND.matcher(plate).matches() || foreign.map(p -> p.matcher(plate).matches()).orElse(false));
  }

  /**
   * The caller, whose every plate is one; a token naming anything else is refused as not authenticated,
   * whatever else it names.
   */
  public Caller citizen(Caller caller) {
    for (String plate : caller.plates()) {
      if (!accepts(plate)) {
        throw HttpError.unauthorized("token claim plates holds \"" + shown(plate) + "\", which is not a licence plate");
      }
    }
    return caller;
  }

  private static String shown(String value) {
    return value.length() <= MAX_LENGTH * 2 ? value : value.substring(0, MAX_LENGTH * 2) + "...";
  }
}
