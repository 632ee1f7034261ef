package city.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.EventRule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * For every rule of the catalog, the twin matches exactly what its pattern says: events written out by hand that
 * must and must not match (infra's CityEventBusTest shows the deployed rule carries the very same pattern).
 */
class EventRulesMatchTest {
  private record Case(String rule, String event, boolean matches) {}

  private static String event(String source, String detailType, String detail) {
    return "{\"version\": \"0\", \"id\": \"e1\", \"detail-type\": \"" + detailType + "\", \"source\": \"" + source
        + "\", \"account\": \"000000000000\", \"time\": \"2026-11-28T01:00:00Z\", \"region\": \"cn-north-1\","
        + " \"resources\": [], \"detail\": " + detail + "}";
  }

  private static final String INCIDENT = "{\"eventId\": \"A-F1/opened\", \"incidentId\": \"A-F1\", \"category\": \"fire\","
      + " \"lat\": 36.5, \"lon\": 118.5}";

  private static final String OVERSTAY = "{\"eventId\": \"S1-20261128-17/overstay\", \"sessionId\": \"S1-20261128-17\","
      + " \"spaceId\": \"S1\", \"lat\": 36.5, \"lon\": 118.5}";
  private static final String ENFORCEMENT_CLOSED = "{\"eventId\": \"E-S1/closed\", \"incidentId\": \"E-S1\","
      + " \"category\": \"parking-enforcement\", \"source\": {\"domain\": \"parking\", \"sessionId\": \"S1-20261128-17\"}}";
  private static final String ENFORCEMENT_OTHER_DOMAIN = "{\"eventId\": \"E-S1/closed\", \"incidentId\": \"E-S1\","
      + " \"category\": \"parking-enforcement\", \"source\": {\"domain\": \"ops\"}}";

  private static final String SILENT = "{\"eventId\": \"P1/silent/1\", \"deviceId\": \"P1\", \"deviceClass\": \"parking-sensor\","
      + " \"lat\": 36.5, \"lon\": 118.5, \"silentSince\": \"2026-11-28T01:00:00Z\", \"detectedAt\": \"2026-11-28T02:00:00Z\"}";

  private static final String DOCK_SILENT = SILENT.replace("parking-sensor", "dock");

  private static final String FAULT = "{\"eventId\": \"B1/fault/1\", \"stationId\": \"B1\", \"fault\": \"lock jammed\","
      + " \"faultSince\": \"2026-11-28T09:00:00+08:00\", \"lat\": 36.5, \"lon\": 118.5}";

  private static final List<Case> CASES = List.of(
      new Case("parking_incident_closures", event("city.dispatch", "Incident Opened", INCIDENT), true),
      new Case("parking_incident_closures", event("city.dispatch", "Incident Closed", INCIDENT), true),
      new Case("parking_incident_closures", event("city.dispatch", "Incident Escalated", INCIDENT), false),
      new Case("parking_incident_closures", event("city.parking", "Incident Opened", INCIDENT), false),
      new Case("parking_incident_closures", event("city.dispatchx", "Incident Opened", INCIDENT), false),
      new Case("parking_incident_closures", event("city.dispatch", "incident opened", INCIDENT), false),
      new Case("bikeshare_incident_closures", event("city.dispatch", "Incident Opened", INCIDENT), true),
      new Case("bikeshare_incident_closures", event("city.dispatch", "Incident Closed", INCIDENT), true),
      new Case("bikeshare_incident_closures", event("city.dispatch", "Incident Escalated", INCIDENT), false),
      new Case("bikeshare_incident_closures", event("city.bikeshare", "Incident Opened", INCIDENT), false),
      new Case("dispatch_parking_enforcement", event("city.parking", "Parking Overstay", OVERSTAY), true),
      new Case("dispatch_parking_enforcement", event("city.parking", "Parking Paid", OVERSTAY), false),
      new Case("dispatch_parking_enforcement", event("city.dispatch", "Parking Overstay", OVERSTAY), false),
      new Case("parking_enforcement_notes", event("city.dispatch", "Incident Closed", ENFORCEMENT_CLOSED), true),
      new Case("parking_enforcement_notes", event("city.dispatch", "Incident Opened", ENFORCEMENT_CLOSED), false),
      new Case("parking_enforcement_notes", event("city.dispatch", "Incident Closed", INCIDENT), false),
      new Case("parking_enforcement_notes", event("city.dispatch", "Incident Closed", ENFORCEMENT_OTHER_DOMAIN), false),
      new Case("dispatch_device_maintenance", event("city.ops", "Device Silent", SILENT), true),
      new Case("dispatch_device_maintenance", event("city.ops", "Device Back", SILENT), true),
      new Case("dispatch_device_maintenance", event("city.ops", "Device Seen", SILENT), false),
      new Case("dispatch_device_maintenance", event("city.parking", "Device Silent", SILENT), false),
      new Case("parking_sensor_silences", event("city.ops", "Device Silent", SILENT), true),
      new Case("parking_sensor_silences", event("city.ops", "Device Back", SILENT), true),
      new Case("parking_sensor_silences", event("city.ops", "Device Silent", DOCK_SILENT), false),
      new Case("parking_sensor_silences", event("city.parking", "Device Silent", SILENT), false),
      new Case("bikeshare_dock_silences", event("city.ops", "Device Silent", DOCK_SILENT), true),
      new Case("bikeshare_dock_silences", event("city.ops", "Device Back", DOCK_SILENT), true),
      new Case("bikeshare_dock_silences", event("city.ops", "Device Silent", SILENT), false),
      new Case("bikeshare_dock_silences", event("city.bikeshare", "Device Back", DOCK_SILENT), false),
      new Case("dispatch_dock_faults", event("city.bikeshare", "Dock Fault", FAULT), true),
      new Case("dispatch_dock_faults", event("city.bikeshare", "Dock Fault Cleared", FAULT), true),
      new Case("dispatch_dock_faults", event("city.bikeshare", "Dock Faults", FAULT), false),
      new Case("dispatch_dock_faults", event("city.ops", "Dock Fault", FAULT), false),
      new Case("ops_event_trail", event("city.dispatch", "Incident Opened", INCIDENT), true),
      new Case("ops_event_trail", event("city.parking", "Overstay", "{\"eventId\": \"x\"}"), true),
      new Case("ops_event_trail", event("aws.events", "Scheduled Event", "{}"), false),
      new Case("ops_event_trail", event("cityparking", "Overstay", "{\"eventId\": \"x\"}"), false));

  @Test
  void everyCatalogRuleIsCheckedHere() {
    Set<String> checked = CASES.stream().map(Case::rule).collect(Collectors.toSet());
    Set<String> declared = Catalog.standard().eventRules().stream().map(EventRule::name).collect(Collectors.toSet());
    assertEquals(declared, checked, "add must and must-not cases for every new rule");
    for (String rule : declared) {
      assertTrue(CASES.stream().anyMatch(c -> c.rule().equals(rule) && c.matches()), rule + " has a matching case");
      assertTrue(CASES.stream().anyMatch(c -> c.rule().equals(rule) && !c.matches()), rule + " has a non-matching case");
    }
  }

  @Test
  void theTwinMatchesEachRuleExactlyAsItsPatternSays() {
    EventRouter router = new EventRouter(Catalog.standard().eventRules());
    for (Case c : CASES) {
      boolean matched = router.matching(c.event()).stream().anyMatch(r -> r.name().equals(c.rule()));
      assertEquals(c.matches(), matched, c.rule() + (c.matches() ? " must match " : " must not match ") + c.event());
    }
  }

  @Test
  void aPatternEventBridgeWouldRefuseIsRefusedWhenTheTwinStarts() {
    EventRule wrong = new EventRule("wrong", "{\"source\": \"city.dispatch\"}", "EventTrail", "a value must be a list");
    try {
      new EventRouter(List.of(wrong));
      throw new AssertionError("a pattern whose value is not a list was accepted");
    } catch (IllegalArgumentException expected) {
      assertTrue(expected.getMessage().contains("wrong"), expected.getMessage());
    }
  }

  @Test
  void matchingReturnsTheRulesInCatalogOrder() {
    EventRouter router = new EventRouter(Catalog.standard().eventRules());
    List<String> matched = router.matching(event("city.dispatch", "Incident Opened", INCIDENT)).stream()
        .map(EventRule::name).toList();
    List<String> order = Catalog.standard().eventRules().stream().map(EventRule::name).filter(matched::contains).toList();
    assertEquals(order, matched);
  }
}
