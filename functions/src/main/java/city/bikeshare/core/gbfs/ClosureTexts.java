package city.bikeshare.core.gbfs;

import java.util.Locale;
import java.util.Map;

/**
 * What a station-closure alert says to riders, in the system's language: Chinese and English are written here; any
 * other language gets the English text, labelled as English (GBFS readers then know what they have).
 *
 * @param language the BCP 47 tag the texts are labelled with
 */
record ClosureTexts(String language, String summary, String descriptionTemplate, Map<String, String> categoryNames) {
  private static final Map<String, String> CHINESE_CATEGORIES = Map.of("fire", "火情", "gas", "燃气泄漏", "flood",
      "积水", "collision", "交通事故", "traffic", "交通事故");

  static ClosureTexts forLanguage(String systemLanguage) {
    if (systemLanguage.toLowerCase(Locale.ROOT).startsWith("zh")) {
      return new ClosureTexts(systemLanguage, "站点临时关闭", "附近发生%s，本站暂停借车和还车，处置完毕后恢复。",
          CHINESE_CATEGORIES);
    }
    String language = systemLanguage.toLowerCase(Locale.ROOT).startsWith("en") ? systemLanguage : "en";
    return new ClosureTexts(language, "Station temporarily closed",
        "An incident nearby (%s): no renting or returning here until it has been dealt with.", Map.of());
  }

  String description(String category) {
    return String.format(descriptionTemplate, categoryNames.getOrDefault(category, category));
  }
}
