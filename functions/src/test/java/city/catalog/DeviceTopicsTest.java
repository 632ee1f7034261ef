package city.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Device permissions derived from rule SQL and function publish topics: pure, no synthesis. */
class DeviceTopicsTest {
  private static final String T = "<thing>";
  private static final DeviceClass PARKING_SENSOR = new DeviceClass("parking-sensor");
  private static final DeviceClass SAFETY_SENSOR = new DeviceClass("safety-sensor");
  private static final DeviceClass UNIT = new DeviceClass("unit");
  private static final DeviceClass DOCK = new DeviceClass("dock");
  private static final DeviceClass TRUCK = new DeviceClass("truck");
  private static final List<DeviceClass> CLASSES = List.of(PARKING_SENSOR, SAFETY_SENSOR, UNIT, DOCK, TRUCK);

  private static TopicRule rule(String name, String filter, int level, String deviceType) {
    return new TopicRule(name, "SELECT encode(*, 'base64') AS payload, topic() AS topic, topic(" + level
        + ") AS deviceId, timestamp() AS receivedAt FROM '" + filter + "'", "Fn", deviceType, "test");
  }

  private static FunctionSpec publisher(String... topics) {
    return new FunctionSpec("Pub", "x.Handler", 512, 10, 1, List.of(), List.of(topics), "test");
  }

  @Test
  void theDeviceLevelOfTheRuleBecomesTheThingName() {
    RuleTopic topic = RuleTopic.of(rule("unit_status", "units/+/status", 2, "unit"));
    assertEquals("units/+/status", topic.filter());
    assertEquals("units/" + T + "/status", topic.topicFor(T));
    assertEquals("$aws/rules/unit_status/units/" + T + "/status", topic.basicIngestTopicFor(T));
  }

  @Test
  void commandsGoToTheClassWhoseRuleHasTheDeviceLevelUnderTheSamePrefix() {
    Map<DeviceClass, DeviceTopics.Access> access = DeviceTopics.derive(CLASSES,
        List.of(rule("unit_status", "units/+/status", 2, "unit"),
            rule("unit_acks", "units/+/acks", 2, "unit"),
            rule("truck_status", "bikeshare/trucks/+/status", 3, "truck"),
            rule("dock_status", "bikeshare/stations/+/status", 3, "dock")),
        List.of(publisher("units/+/dispatch", "bikeshare/trucks/+/tasks", "parking/enforcement/+")),
        T);
    assertEquals(List.of("units/" + T + "/dispatch"), access.get(UNIT).commands());
    assertEquals(List.of("bikeshare/trucks/" + T + "/tasks"), access.get(TRUCK).commands());
    assertEquals(List.of(), access.get(DOCK).commands(), "same prefix depth, other literal level");
    assertEquals(List.of(), access.get(PARKING_SENSOR).commands(), "enforcement topics go to no device class");
    assertEquals(List.of("units/" + T + "/status", "$aws/rules/unit_status/units/" + T + "/status",
        "units/" + T + "/acks", "$aws/rules/unit_acks/units/" + T + "/acks"), access.get(UNIT).publish());
    assertEquals(List.of(), access.get(SAFETY_SENSOR).publish(), "no rule, no publish right");
  }

  @Test
  void otherWildcardsBecomePolicyWildcards() {
    assertEquals("units/*/dispatch", DeviceTopics.policyPattern("units/+/dispatch"));
    assertEquals("city/" + T + "/*/x", RuleTopic.of(rule("r", "city/+/+/x", 2, "dock")).topicFor(T));
  }

  @Test
  void aRuleThatDoesNotNameItsDeviceLevelIsRefused() {
    TopicRule noDevice = new TopicRule("r", "SELECT * FROM 'units/+/status'", "Fn", "unit", "test");
    assertThrows(IllegalArgumentException.class, () -> RuleTopic.of(noDevice));
    assertThrows(IllegalArgumentException.class, () -> RuleTopic.of(rule("r", "units/fixed/status", 2, "unit")));
  }

  @Test
  void anUnknownDeviceClassIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> DeviceTopics.derive(CLASSES, List.of(rule("r", "x/+/y", 2, "toaster")), List.of(), T));
  }
}
