package city.dispatch.core;

import static city.dispatch.core.Fixtures.T0;
import static city.dispatch.core.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import city.platform.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseTimesTest {
  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    ResponseTimes times = ResponseTimes.of(List.of(4.0, 1.0, 3.0, 2.0));
    assertEquals(4, times.count());
    assertEquals(2.5, times.medianSeconds());
  }

  @Test
  void p90InterpolatesBetweenRanks() {
    ResponseTimes times = ResponseTimes.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0));
    assertEquals(5.5, times.medianSeconds());
    assertEquals(9.1, times.p90Seconds());
    assertEquals(7.0, ResponseTimes.of(List.of(7.0)).p90Seconds());
  }

  @Test
  void noSampleHasNoFigures() {
    ResponseTimes times = ResponseTimes.of(List.of());
    assertEquals(0, times.count());
    assertNull(times.medianSeconds());
    assertNull(times.p90Seconds());
  }

  @Test
  void statisticsArePerPriorityAndEachIntervalUsesOnlyIncidentsThatReachedIt() {
    GeoPoint where = new GeoPoint(36.5, 118.5);
    Incident urgentDone = Fixtures.queued("a", "fire", 1, where, T0)
        .assigned("F1", "c1", 1, at(T0.plusSeconds(2)))
        .acknowledged("F1", AckAction.ACCEPT, at(T0.plusSeconds(12))).orElseThrow()
        .acknowledged("F1", AckAction.ARRIVE, at(T0.plusSeconds(312))).orElseThrow();
    Incident urgentAssigned = Fixtures.queued("b", "fire", 1, where, T0).assigned("F2", "c2", 1, at(T0.plusSeconds(4)));
    Incident routineQueued = Fixtures.queued("c", "fire", 4, where, T0);
    DispatchStatistics stats = DispatchStatistics.of(List.of(urgentDone, urgentAssigned, routineQueued), at(T0), at(T0.plusSeconds(3600)));
    assertEquals(2, stats.priorities().size());
    DispatchStatistics.PriorityFigures p1 = stats.priorities().get(0);
    assertEquals(1, p1.priority());
    assertEquals(2, p1.incidents());
    assertEquals(2, p1.reportToDispatch().count());
    assertEquals(3.0, p1.reportToDispatch().medianSeconds());
    assertEquals(1, p1.dispatchToAccept().count());
    assertEquals(10.0, p1.dispatchToAccept().medianSeconds());
    assertEquals(300.0, p1.acceptToArrive().medianSeconds());
    DispatchStatistics.PriorityFigures p4 = stats.priorities().get(1);
    assertEquals(1, p4.queued());
    assertEquals(0, p4.reportToDispatch().count());
  }
}
