package city.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.demo.bikeshare.BikeshareFigures;
import city.local.demo.dispatch.DispatchFigures;
import city.local.demo.dispatch.HotlineFigures;
import city.local.demo.parking.ParkingFigures;
import city.local.demo.parking.ParkingSimulation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A short demo on a real in-memory twin: every domain must show real results in the summary read from the twin, and
 * each rule of the city bus must have happened (a collision closing spaces and a station, an overstay worked by a
 * warden, a silent sensor).
 */
class DemoTest {
  /** Long enough for an overstay of the sample county's 120 minutes and the warden's job after it (rule 3). */
  private static final int SIM_MINUTES = 240;
  private static final double SPEED = 480;

  @Test
  void aShortRunBillsDispatchesRebalancesKeepsTheRefusedMessagesAndShowsEveryCityBusRule() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Summary summary = Demo.run(DemoOptions.defaults().withSimMinutes(SIM_MINUTES).withSpeed(SPEED),
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    ParkingFigures parking = summary.part(ParkingFigures.class);
    assertTrue(parking.closed() > 0, "closed sessions: " + parking);
    assertTrue(parking.revenueDueFen() > 0, "revenue: " + parking);
    assertTrue(parking.paid() > 0, "paid sessions: " + parking);
    // every payment the app saw accepted is paid exactly once in the twin's books, retries included
    assertEquals(parking.citizens().payments(), parking.paid());
    assertEquals(parking.citizens().paidFen(), parking.paidFen());
    assertEquals(parking.citizens().retries(), parking.citizens().retriesWithSameReceipt());
    assertTrue(parking.citizens().refusals().isEmpty(), "refusals: " + parking.citizens().refusals());
    assertEquals(parking.spaces(), parking.zones().stream().mapToInt(ParkingFigures.ZoneFigures::total).sum());

    DispatchFigures dispatch = summary.part(DispatchFigures.class);
    assertTrue(dispatch.incidents() > 0, "incidents: " + dispatch);
    assertTrue(dispatch.priorities().stream().map(DispatchFigures.PriorityFigures::reportToDispatch).anyMatch(Objects::nonNull),
        "no incident was dispatched: " + dispatch);
    assertTrue(dispatch.ordersReceived() > 0, "the units received no order: " + dispatch);

    HotlineFigures hotline = summary.part(HotlineFigures.class);
    assertNotNull(hotline.overdue(), "the morning's one late order was not taken: " + hotline);
    assertTrue(hotline.overdue().path("overdue").asBoolean() && hotline.overdue().path("escalationLevel").asInt() >= 1,
        "the blocked drain escalates every run: " + hotline.overdue());

    BikeshareFigures bikeshare = summary.part(BikeshareFigures.class);
    assertNotNull(bikeshare.planId(), "no plan was made");
    assertTrue(bikeshare.stops() > 0, "the plan has no stops: " + bikeshare);
    // the plan comes two thirds into the run: in a short run the trucks may not finish a stop, but they have their lists
    assertTrue(bikeshare.taskListsAdopted() > 0, "no task list reached a truck: " + bikeshare);

    // the two malformed messages, and nothing else: every other message of the run is valid
    assertEquals(ParkingSimulation.MALFORMED_MESSAGES, summary.deadLetters().count(), summary.deadLetters().reasons().toString());
    assertTrue(summary.deadLetters().reasons().keySet().stream().anyMatch(r -> r.contains("unknown device " + ParkingSimulation.UNKNOWN_SPACE)));
    assertTrue(summary.deadLetters().reasons().keySet().stream().anyMatch(r -> r.contains("malformed JSON")));

    assertTrue(summary.run().messagesSent() > 0);
    assertTrue(summary.run().messagesRouted() >= summary.run().messagesSent(), summary.run().toString());
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("== summary =="));
    // the city bus: each rule seen end to end over the twin's API, one summary line each
    String text = printed.toString(StandardCharsets.UTF_8);
    for (int rule = 1; rule <= Summary.CITY_BUS_RULES; rule++) {
      CityBusLine line = summary.cityBus(rule);
      System.out.println("city bus rule " + rule + ": " + line.text());
      assertTrue(line.shown(), "rule " + rule + ": " + line.text());
      assertTrue(text.contains(rule + " " + line.text()), "the summary prints rule " + rule);
    }
    assertTrue(summary.cityBus(1).text().contains("closed spaces S13, S14"), summary.cityBus(1).text());
    assertTrue(summary.cityBus(2).text().contains("closed bike station B12"), summary.cityBus(2).text());
    assertTrue(summary.cityBus(3).text().contains("overstay at S1 (zone Z1, 120 min allowed)"), summary.cityBus(3).text());
    assertTrue(summary.cityBus(4).text().contains("silent sensor S36"), summary.cityBus(4).text());
    assertTrue(summary.cityBus(4).text().contains("no other device fell silent"), summary.cityBus(4).text());
    String overdue = printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("the one overdue:"))
        .findFirst().orElseThrow(() -> new AssertionError("no overdue line in the summary"));
    System.out.println(overdue.strip());
    assertTrue(overdue.contains(" flooding (water) escalated to level "), overdue);
  }
}
