package city.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/** The context keys that vary a deployment by region: the region's defaults, and what `-c` overrides. */
class SettingsTest {
  @Test
  void theChinaRegionsDefaultToX86WithoutSnapStartAndEveryOtherRegionToArmWithIt() {
    Settings beijing = settings(Map.of("region", "cn-north-1"));
    assertEquals("x86_64", beijing.architecture());
    assertFalse(beijing.snapStart());
    Settings virginia = settings(Map.of("region", "us-east-1"));
    assertEquals("arm64", virginia.architecture());
    assertTrue(virginia.snapStart());
    assertEquals("arm64", settings(Map.of()).architecture(), "an unpinned stack is assumed commercial");
    assertFalse(settings(Map.of()).analyticsReporting(), "no CDKMetadata unless asked for");
  }

  @Test
  void contextOverridesTheRegionsDefaults() {
    Settings optedIn = settings(Map.of("region", "cn-northwest-1", "architecture", "arm64", "snapStart", "true",
        "analyticsReporting", "true"));
    assertEquals("arm64", optedIn.architecture());
    assertTrue(optedIn.snapStart());
    assertTrue(optedIn.analyticsReporting());
    assertEquals("x86_64", settings(Map.of("architecture", "x86_64")).architecture());
  }

  @Test
  void thePagesClientIsTheFirstAudienceUnlessNamed() {
    assertEquals("city-console", settings(Map.of("jwtAudience", "city-console, city-app")).oidcClientId());
    assertEquals("pages", settings(Map.of("jwtAudience", "city-console", "oidcClientId", "pages")).oidcClientId());
    assertEquals(Settings.DEFAULT_AUDIENCE, settings(Map.of()).oidcClientId());
  }

  @Test
  void anUnknownArchitectureIsRefusedWithTheChoices() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> settings(Map.of("architecture", "amd64")));
    assertTrue(refused.getMessage().contains("arm64 or x86_64"), refused.getMessage());
  }

  private static Settings settings(Map<String, Object> context) {
    Map<String, Object> withJar = new java.util.HashMap<>(context);
    withJar.put("functionsJar", "unused-by-settings.jar");
    return Settings.from(App.Builder.create().context(withJar).build().getNode(), Catalog.standard());
  }
}
