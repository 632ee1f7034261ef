package city.local.cost;

import city.catalog.Access;
import city.catalog.Domain;
import city.catalog.FunctionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * Workload to invocations: which function each of the city's streams drives, per 30-day month. Schedules run
 * at their catalog period whatever the traffic; the console's requests are shared by the ops APIs of the
 * domains in use; failed events are a share of device events. A function none of these covers is an error, so
 * a new catalog function cannot go unpriced.
 */
final class Demand {
  static final int DAYS_PER_MONTH = 30;
  /** Each incident puts two events on the city bus: Incident Opened and Incident Closed. */
  static final int BUS_EVENTS_PER_INCIDENT = 2;
  /**
   * Requests of one page load with the libraries in the browser's cache (kept a week): the page, its stylesheet and
   * script, the three shared files and /web/config.json, each a 200 or a 304 but an invocation either way.
   */
  static final int FILES_PER_PAGE_LOAD = 7;
  /** The console is loaded again once an hour it is open (shift changes, reloads): an upper bound for a wall display. */
  static final double CONSOLE_LOADS_PER_HOUR = 1;
  /** A citizen's visit loads the app once and then lists sessions, opens a receipt, pays: four session requests. */
  static final double APP_LOADS_PER_SESSION_REQUEST = 0.25;
  private static final Map<String, ToDoubleBiFunction<Workload, Assumptions>> PER_DAY = Map.ofEntries(
      Map.entry("ParkingOccupancy", (w, a) -> w.parkingSpaces() * w.occupancyReadingsPerSpacePerDay()),
      Map.entry("ParkingPlates", (w, a) -> w.plateCameras() * w.plateReadsPerCameraPerDay()),
      Map.entry("ParkingApi", (w, a) -> w.availabilityRequestsPerDay()),
      Map.entry("ParkingSessionsApi", (w, a) -> w.citizenSessionRequestsPerDay()),
      Map.entry("DispatchAlerts", (w, a) -> w.safetySensors() * w.alertsPerSensorPerDay()),
      Map.entry("DispatchUnitStatus", (w, a) -> w.responseUnits() * w.unitReportsPerUnitPerDay()),
      Map.entry("DispatchAcks", (w, a) -> w.incidentsPerDay() * a.acksPerIncident()),
      Map.entry("DispatchOpen311", (w, a) -> w.hotlineReportsPerDay() * (1 + w.followUpsPerReport())),
      Map.entry("BikeshareStationStatus", (w, a) -> w.bikeStations() * w.dockReportsPerStationPerDay()),
      Map.entry("BikeshareTruckStatus", (w, a) -> w.trucks() * w.truckReportsPerTruckPerDay()),
      Map.entry("BikeshareGbfs", (w, a) -> w.gbfsRequestsPerDay()),
      Map.entry("WebAssets", (w, a) -> FILES_PER_PAGE_LOAD
          * (w.consoleHoursPerDay() * CONSOLE_LOADS_PER_HOUR + w.citizenSessionRequestsPerDay() * APP_LOADS_PER_SESSION_REQUEST)),
      // the city bus: every event reaches the trail; incident events reach parking's and bike share's closures
      Map.entry("EventTrail", (w, a) -> busEventsPerDay(w)),
      Map.entry("ParkingIncidents", (w, a) -> busEventsPerDay(w)),
      Map.entry("BikeshareIncidents", (w, a) -> busEventsPerDay(w)),
      // rules 3 and 4 have no rate of their own in the workload yet: priced as one job per incident, an upper bound
      // for a county whose overstays, silences and faults are rarer than its incidents
      Map.entry("DispatchSystemIncidents", (w, a) -> w.incidentsPerDay()),
      Map.entry("ParkingEnforcementNotes", (w, a) -> w.incidentsPerDay()),
      Map.entry("ParkingSensorSilences", (w, a) -> w.incidentsPerDay()),
      Map.entry("BikeshareDockSilences", (w, a) -> w.incidentsPerDay()));

  private Demand() {}

  static List<Invocations> perMonth(Workload workload, Assumptions assumptions, List<Domain> domains) {
    List<Invocations> driven = new ArrayList<>();
    List<Invocations> scheduled = new ArrayList<>();
    List<Map.Entry<Domain, FunctionSpec>> consoles = new ArrayList<>();
    List<Map.Entry<Domain, FunctionSpec>> destinations = new ArrayList<>();
    for (Domain domain : domains) {
      for (FunctionSpec function : domain.functions()) {
        Trigger trigger = Trigger.of(function, domain);
        var perDay = PER_DAY.get(function.id());
        if (perDay != null) {
          driven.add(new Invocations(function, domain, trigger, perDay.applyAsDouble(workload, assumptions) * DAYS_PER_MONTH));
        } else if (trigger == Trigger.SCHEDULE) {
          scheduled.add(new Invocations(function, domain, trigger, scheduledPerMonth(domain, function)));
        } else if (trigger == Trigger.HTTP && opsOnly(domain, function)) {
          consoles.add(Map.entry(domain, function));
        } else if (trigger == Trigger.DESTINATION) {
          destinations.add(Map.entry(domain, function));
        } else {
          throw new IllegalStateException("the cost model does not know what drives " + function.id()
              + ": map it to the workload in " + Demand.class.getName());
        }
      }
    }
    double deviceEvents = driven.stream().filter(i -> i.trigger() == Trigger.DEVICE).mapToDouble(Invocations::perMonth).sum();
    List<Map.Entry<Domain, FunctionSpec>> open = consoles.stream().filter(c -> inUse(c.getKey(), driven)).toList();
    double consolePerMonth = workload.consoleHoursPerDay() * workload.consoleRequestsPerHour() * DAYS_PER_MONTH;
    List<Invocations> all = new ArrayList<>(driven);
    all.addAll(scheduled);
    consoles.forEach(c -> all.add(new Invocations(c.getValue(), c.getKey(), Trigger.HTTP,
        open.contains(c) ? consolePerMonth / open.size() : 0)));
    destinations.forEach(d -> all.add(new Invocations(d.getValue(), d.getKey(), Trigger.DESTINATION,
        deviceEvents * assumptions.failedEventShare())));
    return all;
  }

  /** Events published on the city bus: what EventBridge bills. */
  static double busEventsPerMonth(Workload workload) {
    return busEventsPerDay(workload) * DAYS_PER_MONTH;
  }

  private static double busEventsPerDay(Workload workload) {
    return workload.incidentsPerDay() * BUS_EVENTS_PER_INCIDENT;
  }

  private static double scheduledPerMonth(Domain domain, FunctionSpec function) {
    return domain.schedules().stream().filter(s -> s.functionId().equals(function.id()))
        .mapToDouble(s -> DAYS_PER_MONTH * 24 * 60 / (double) s.period().toMinutes()).sum();
  }

  private static boolean opsOnly(Domain domain, FunctionSpec function) {
    return domain.routes().stream().filter(r -> r.functionId().equals(function.id())).allMatch(r -> r.access() == Access.OPS);
  }

  /** A domain with traffic, or one with nothing of its own to drive (the platform's ops API, in use whenever any is). */
  private static boolean inUse(Domain domain, List<Invocations> driven) {
    List<Invocations> own = driven.stream().filter(i -> i.domain().name().equals(domain.name())).toList();
    return own.isEmpty() ? driven.stream().anyMatch(i -> i.perMonth() > 0) : own.stream().anyMatch(i -> i.perMonth() > 0);
  }
}
