package city.local.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.local.TwinOptions;
import city.platform.City;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deployed policies' decisions for the sample county, without a broker. */
class ThingPolicyTest {
  private static final ThingPolicy POLICY = ThingPolicy.of(Catalog.standard(),
      City.load(TwinOptions.inMemory().cityFile(), Catalog.standard().modules()).devices(), "secret");

  private static ThingPolicy.Identity thing(String name) {
    return POLICY.admit(name, Optional.empty(), Optional.empty()).identity().orElseThrow();
  }

  @Test
  void aSensorPublishesOnItsOwnTopicsOnly() {
    ThingPolicy.Identity s9 = thing("S9");
    assertTrue(s9.mayPublish("parking/spaces/S9/occupancy"));
    assertTrue(s9.mayPublish("$aws/rules/parking_occupancy/parking/spaces/S9/occupancy"));
    assertFalse(s9.mayPublish("parking/spaces/S10/occupancy"));
    assertFalse(s9.mayPublish("parking/spaces/S9/occupancy/extra"));
    assertFalse(s9.mayPublish("parking/cameras/S9/plates"), "another class's rule");
    assertFalse(s9.maySubscribe("parking/spaces/S9/occupancy"), "a sensor receives no commands");
  }

  @Test
  void aUnitSubscribesToItsOwnDispatchesOnly() {
    ThingPolicy.Identity u1 = thing("U1");
    assertTrue(u1.maySubscribe("units/U1/dispatch"));
    assertFalse(u1.maySubscribe("units/U2/dispatch"));
    assertFalse(u1.maySubscribe("units/+/dispatch"));
    assertFalse(u1.maySubscribe("#"));
  }

  @Test
  void strangersAndWrongPasswordsAreRefusedAndTheOperatorMayDoAnything() {
    assertEquals(Optional.empty(), POLICY.admit("S999", Optional.empty(), Optional.empty()).identity());
    assertEquals(Optional.empty(), POLICY.admit("S1", Optional.of(ThingPolicy.OPERATOR),
        Optional.of("guess".getBytes(StandardCharsets.UTF_8))).identity());
    ThingPolicy.Identity operator = POLICY.admit("any", Optional.of(ThingPolicy.OPERATOR),
        Optional.of("secret".getBytes(StandardCharsets.UTF_8))).identity().orElseThrow();
    assertTrue(operator.mayPublish("parking/spaces/S10/occupancy"));
    assertTrue(operator.maySubscribe("#"));
  }

  @Test
  void policyWildcardsMatchAnythingAndMqttWildcardsOnlyThemselves() {
    assertTrue(ThingPolicy.resource("a/${iot:Connection.Thing.ThingName}/*", "T.1").matcher("a/T.1/b/c").matches());
    assertFalse(ThingPolicy.resource("a/${iot:Connection.Thing.ThingName}/x", "T.1").matcher("a/TX1/x").matches());
    assertFalse(ThingPolicy.resource("a/+/x", "T").matcher("a/b/x").matches());
  }
}
