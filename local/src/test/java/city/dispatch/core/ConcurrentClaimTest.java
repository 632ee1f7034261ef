package city.dispatch.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.TableSpec;
import city.dispatch.store.dynamodb.DynamoIncidentStore;
import city.dispatch.store.dynamodb.DynamoUnitStore;
import city.local.RepoRoot;
import city.local.dynamodb.Dynalite;
import city.local.dynamodb.LocalDynamoDb;
import city.local.dynamodb.TableCreator;
import city.platform.GeoPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The claim protocol on real dynalite under heavy contention: many threads claim the same units for the
 * same incidents at once, through {@link Dispatcher#claim} (pairs picked at random, from stale snapshots)
 * and {@link Dispatcher#drain}. Afterwards no unit holds two incidents, no incident holds two units, and
 * both items of every assignment name the same claim.
 */
class ConcurrentClaimTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final int UNITS = 8;
  private static final int INCIDENTS = 30;
  private static final int THREADS = 16;
  private static final int CLAIMS_PER_THREAD = 30;

  private static Dynalite dynalite;
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void start() {
    dynalite = Dynalite.start(RepoRoot.find(), Optional.empty());
    dynamoDb = LocalDynamoDb.client(dynalite.endpoint(), "cn-north-1");
    TableSpec table = Catalog.standard().tables().stream().filter(t -> t.id().equals("Dispatch")).findFirst().orElseThrow();
    new TableCreator(dynamoDb).ensure(List.of(table), Map.of("Dispatch", "Dispatch"));
  }

  @AfterAll
  static void stop() {
    if (dynamoDb != null) {
      dynamoDb.close();
    }
    if (dynalite != null) {
      dynalite.close();
    }
  }

  @Test
  void underAnyConcurrencyAUnitHoldsOneIncidentAndAnIncidentOneUnit() throws Exception {
    List<Unit> fleet = new ArrayList<>();
    for (int i = 0; i < UNITS; i++) {
      fleet.add(new Unit("C" + i, "fire", "C" + i, new GeoPoint(36.50 + i * 0.01, 118.50)));
    }
    DispatchSettings settings = new DispatchSettings(Duration.ofMinutes(10), Duration.ofMinutes(5),
        DispatchSettings.DEFAULT_SEVERITY_PRIORITIES, DispatchSettings.DEFAULT_CATEGORY_KINDS,
        DispatchSettings.DEFAULT_SERVICES, fleet, Map.of(), new GeoPoint(36.5, 118.5), "Test", ZONE,
        DispatchSettings.DEFAULT_CONFIRM_ANONYMOUS_UP_TO_PRIORITY);
    DynamoIncidentStore incidents = new DynamoIncidentStore(dynamoDb, "Dispatch");
    DynamoUnitStore units = new DynamoUnitStore(dynamoDb, "Dispatch");
    AtomicInteger ordersSent = new AtomicInteger();
    Dispatcher dispatcher = new Dispatcher(settings, incidents, units, (topic, order) -> ordersSent.incrementAndGet(),
        Clock.systemUTC());

    OffsetDateTime now = OffsetDateTime.now(ZONE);
    for (Unit unit : fleet) {
      assertTrue(units.applyStatus(new UnitStatusReport(unit.unitId(), "fire", UnitStatus.AVAILABLE, unit.home(), now), now));
    }
    List<Incident> queued = new ArrayList<>();
    for (int i = 0; i < INCIDENTS; i++) {
      Report report = new Report(IncidentSource.SENSOR, "X" + i, "fire", null, "fire",
          new GeoPoint(36.49 + i * 0.003, 118.51), false, null, null, null, now.plusNanos(i * 1000L), null);
      Incident incident = Incident.reported("C-" + i, report, Severity.HIGH, 1 + i % 4, new AlertTally(1, now));
      assertTrue(incidents.create(incident, Optional.empty()));
      queued.add(incident);
    }
    List<UnitState> snapshot = new UnitRoster(units).states(fleet);

    Map<Dispatcher.ClaimOutcome, AtomicInteger> outcomes = new EnumMap<>(Dispatcher.ClaimOutcome.class);
    for (Dispatcher.ClaimOutcome outcome : Dispatcher.ClaimOutcome.values()) {
      outcomes.put(outcome, new AtomicInteger());
    }
    List<String[]> assigned = new CopyOnWriteArrayList<>();
    CountDownLatch gate = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> runs = new ArrayList<>();
    long started = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      Random random = new Random(t);
      boolean drainer = t % 4 == 0;
      runs.add(pool.submit(() -> {
        gate.await();
        for (int n = 0; n < CLAIMS_PER_THREAD; n++) {
          if (drainer && n % 10 == 0) {
            dispatcher.drain("fire");
            continue;
          }
          // a stale snapshot on purpose: many threads go for the same pairs at once
          Incident incident = queued.get(random.nextInt(6));
          UnitState unit = snapshot.get(random.nextInt(UNITS));
          Dispatcher.ClaimOutcome outcome = dispatcher.claim(new DispatchPolicy.Match(incident, unit,
              incident.report().position().distanceKm(unit.position())));
          outcomes.get(outcome).incrementAndGet();
          if (outcome == Dispatcher.ClaimOutcome.ASSIGNED) {
            assigned.add(new String[] {incident.incidentId(), unit.unitId()});
          }
        }
        return null;
      }));
    }
    gate.countDown();
    for (Future<?> run : runs) {
      run.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - started) / 1e9;
    dispatcher.drain("fire");

    Map<String, String> unitOfIncident = new ConcurrentHashMap<>();
    Map<String, String> incidentOfUnit = new HashMap<>();
    for (String[] pair : assigned) {
      assertEquals(null, unitOfIncident.put(pair[0], pair[1]), "incident " + pair[0] + " got a second unit " + pair[1]);
      assertEquals(null, incidentOfUnit.put(pair[1], pair[0]), "unit " + pair[1] + " got a second incident " + pair[0]);
    }
    List<Incident> stored = incidents.findAll(queued.stream().map(Incident::incidentId).toList());
    Map<String, UnitState> unitItems = units.find(fleet.stream().map(Unit::unitId).toList());
    int held = 0;
    Map<String, String> holderOfUnit = new HashMap<>();
    for (Incident incident : stored) {
      if (incident.status() == IncidentStatus.QUEUED) {
        assertTrue(incident.unitId().isEmpty());
        continue;
      }
      held++;
      Assignment assignment = incident.assignment();
      assertEquals(null, holderOfUnit.put(assignment.unitId(), incident.incidentId()), "unit " + assignment.unitId() + " held twice");
      UnitState unit = unitItems.get(assignment.unitId());
      assertEquals(incident.incidentId(), unit.incidentId());
      assertEquals(assignment.claimId(), unit.claimId(), "both items name the same claim");
    }
    assertEquals(UNITS, held, "every unit ended with exactly one incident; the rest wait");
    assertEquals(UNITS, unitItems.values().stream().filter(u -> u.incidentId() != null).count());
    assertEquals(UNITS, ordersSent.get(), "one order per assignment");
    assertTrue(outcomes.get(Dispatcher.ClaimOutcome.UNIT_TAKEN).get() > 0
        && outcomes.get(Dispatcher.ClaimOutcome.INCIDENT_TAKEN).get() > 0, "the race was real: " + outcomes);
    System.out.printf("MEASURED concurrent claims on dynalite: %d threads, %.2f s, outcomes %s, %d incidents held by %d units%n",
        THREADS, seconds, outcomes, held, UNITS);
  }
}
