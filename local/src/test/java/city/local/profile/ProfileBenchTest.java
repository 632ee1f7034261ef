package city.local.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import city.catalog.Schedule;
import city.local.cost.EventProfile;
import city.local.cost.UsageProfile;
import city.local.demo.DemoOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A short metered demo and the profile scenes on real in-memory twins (dynalite, the broker, the functions): the
 * device functions and the city bus's consumers are measured from dynalite's consumed capacity, and what neither
 * reaches keeps its estimate.
 */
class ProfileBenchTest {

  @Test
  void aShortDemoMeasuresTheDeviceFunctionsAndKeepsTheEstimatesOfTheRest() {
    Instant now = Instant.parse("2026-12-01T09:00:00Z");
    List<EventProfile> estimates = Catalog.standard().functions().stream().map(f -> new EventProfile(f.id(), EventProfile.ESTIMATE,
        0, 9, 9, 9, 9, 9, "test", "2026-11-30", "what the demo cannot reach keeps this")).toList();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    // --only every function but ParkingOccupancy, which the scenes reach too: its previous entry must stay
    Set<String> only = Catalog.standard().functions().stream().map(FunctionSpec::id).filter(id -> !id.equals("ParkingOccupancy"))
        .collect(Collectors.toSet());
    UsageProfile profile = ProfileBench.run(DemoOptions.defaults().withSimMinutes(60).withSpeed(600),
        new UsageProfile("before", estimates), Optional.of(only), now, new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertEquals(Catalog.standard().functions().stream().map(FunctionSpec::id).toList(),
        profile.functions().stream().map(EventProfile::functionId).toList());
    assertEquals(estimates.stream().filter(e -> e.functionId().equals("ParkingOccupancy")).findFirst().orElseThrow(),
        profile.require("ParkingOccupancy"), "outside --only, the previous entry is kept");
    for (String deviceFunction : List.of("ParkingPlates", "BikeshareStationStatus")) {
      EventProfile measured = profile.require(deviceFunction);
      assertEquals(EventProfile.MEASURED, measured.source(), deviceFunction);
      assertTrue(measured.invocationsMeasured() > 0, deviceFunction);
      // every one of these messages writes at least the reading it carries
      assertTrue(measured.writeRequestUnitsPerInvocation() >= 1, deviceFunction + ": " + measured);
      assertTrue(measured.dynamoDbRequestsPerInvocation() >= 1, deviceFunction + ": " + measured);
      assertTrue(measured.billedMsPerInvocation() > 0, deviceFunction + ": " + measured);
      assertEquals(now.toString(), measured.measuredAt());
      assertTrue(measured.measuredBy().contains("not Lambda's"), measured.measuredBy());
    }
    // the profile scenes reach what the demo does not: an incident at a space and at a station, silent devices, snapshots
    for (String sceneFunction : List.of("ParkingIncidents", "BikeshareIncidents", "ParkingSensorSilences",
        "BikeshareDockSilences", "DispatchSystemIncidents", "DeviceHealth", "CitySnapshot")) {
      EventProfile measured = profile.require(sceneFunction);
      assertEquals(EventProfile.MEASURED, measured.source(), sceneFunction);
      assertTrue(measured.measuredBy().contains("of the " + measured.invocationsMeasured() + " invocations from the profile scenes"),
          sceneFunction + ": " + measured.measuredBy());
    }
    // closing the space and the station (and reopening them) writes; a silence or a back is one put at least
    for (String writer : List.of("ParkingIncidents", "BikeshareIncidents", "ParkingSensorSilences", "BikeshareDockSilences")) {
      assertTrue(profile.require(writer).writeRequestUnitsPerInvocation() > 0, writer + ": " + profile.require(writer));
    }
    assertTrue(profile.require("CitySnapshot").readRequestUnitsPerInvocation() > 0, profile.require("CitySnapshot").toString());
    // every measured schedule also ran on an empty city: the fixed cost's floor, no more than its busy runs read
    for (Schedule schedule : Catalog.standard().schedules()) {
      EventProfile entry = profile.require(schedule.functionId());
      if (entry.source().equals(EventProfile.MEASURED)) {
        assertTrue(entry.emptyCity() != null && entry.emptyCity().invocationsMeasured() > 0, schedule.functionId() + ": " + entry);
        assertTrue(entry.emptyCity().measuredBy().contains("empty sample county"), entry.emptyCity().measuredBy());
      }
    }
    assertEquals(0, profile.require("DispatchSupervision").emptyCity().writeRequestUnitsPerInvocation(),
        "nothing open, nothing to escalate");
    assertEquals(EventProfile.ESTIMATE, profile.require("FailedEvents").source(), "the twin never invokes FailedEvents");
    for (EventProfile entry : profile.functions()) {
      if (entry.source().equals(EventProfile.ESTIMATE)) {
        assertEquals("what the demo cannot reach keeps this", entry.reason(), entry.functionId());
      }
    }
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("ParkingOccupancy"), "the table names the functions");
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("estimate (kept)"), "and says which entries it kept");
  }
}
