package city.parking.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.Caller;
import city.platform.City;
import city.platform.HttpError;
import city.platform.Json;
import city.platform.TestCity;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plates a token may name: the mainland formats, and the city's pattern for any other. */
class PlateFormatTest {
  private final PlateFormat mainland = new PlateFormat(Optional.empty());

  @ParameterizedTest
  @ValueSource(strings = {"京A12345", "沪B8K2Z9", "粤Z1234港", "粤Z1234澳", "京A1234学", "鲁C1234挂", "京A0123警",
      "京AD12345", "京ADA1234", "京A12345D", "川A12345F", "使012345", "琼E9W8X7"})
  void mainlandPlatesAreAccepted(String plate) {
    assertTrue(mainland.accepts(plate), plate);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "京X00000,京B99999", "京X00000 京B99999", "京A1234", "京A1234567", "京a12345",
      "京AI2345", "京O12345", "A12345", "港A12345", "京A12345 ", " 京A12345", "*", "京A1234挂挂", "京AD1234X"})
  void anythingElseIsRefused(String value) {
    assertFalse(mainland.accepts(value), value);
  }

  @Test
  void aForeignPatternFromTheCityFileAddsPlatesButNeverLongOnes() {
    PlateFormat border = new PlateFormat(Optional.of(Pattern.compile("[A-Z]{2}[0-9]{4}")));
    assertTrue(border.accepts("UB1234"));
    assertTrue(border.accepts("京A12345"));
    assertFalse(border.accepts("UB12345"), "the whole value must match");
    assertFalse(new PlateFormat(Optional.of(Pattern.compile(".*"))).accepts("X".repeat(PlateFormat.MAX_LENGTH + 1)));
  }

  @Test
  void aCallerNamingOneThingThatIsNotAPlateIsNotAuthenticated() {
    Caller caller = new Caller("c-1", "citizen", List.of("京A12345", "京X00000,京B99999"));
    HttpError refused = assertThrows(HttpError.class, () -> mainland.citizen(caller));
    assertEquals(401, refused.status());
    assertEquals("token claim plates holds \"京X00000,京B99999\", which is not a licence plate", refused.getMessage());
    Caller owner = new Caller("c-1", "citizen", List.of("京A12345", "京B99999"));
    assertEquals(owner, mainland.citizen(owner));
  }

  @Test
  void theCityFileNamesTheForeignPatternAndABadOneFailsAtStart() {
    assertTrue(ParkingSettings.of(city("\"[A-Z]{2}[0-9]{4}\"")).plateFormat().accepts("UB1234"));
    assertFalse(ParkingSettings.of(city("null")).plateFormat().accepts("UB1234"));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ParkingSettings.of(city("\"[A-Z\"")));
    assertTrue(bad.getMessage().startsWith("parking.foreignPlatePattern is not a regular expression"), bad.getMessage());
  }

  private static City city(String pattern) {
    ObjectNode root = (ObjectNode) Json.parse(TestCity.sample().root().toString());
    ((ObjectNode) root.path("parking")).set("foreignPlatePattern", Json.parse(pattern));
    return City.parse(root);
  }
}
