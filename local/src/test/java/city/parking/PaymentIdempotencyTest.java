package city.parking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.parking.core.CountingProvider;
import city.parking.core.PaymentResult;
import city.parking.core.Payments;
import city.platform.Caller;
import city.platform.HttpError;
import city.platform.Json;
import city.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Paying exactly once under concurrent retries: threads against dynalite, with the real stores. */
class PaymentIdempotencyTest {
  private static final Caller OWNER = new Caller("citizen-1", "citizen", List.of("京A12345"));
  private static final int THREADS = 12;
  @RegisterExtension
  static final ParkingDynalite dynalite = new ParkingDynalite();
  private ParkingWorld world;
  private CountingProvider provider;
  private Payments payments;

  /** S1 closed: Monday 10:00-11:40, class I, 1750 fen, plate 京A12345; S2 still open. */
  @BeforeEach
  void aClosedSession() {
    world = new ParkingWorld(dynalite.client(), dynalite.parkingTable(),
        new MutableClock(Instant.parse("2026-11-23T04:00:00Z")));
    world.plate("C1", "S1", "京A12345", "2026-11-23T10:01:00+08:00", 0.95);
    world.occupancy("S1", true, "2026-11-23T10:00:00+08:00", 1);
    world.occupancy("S1", false, "2026-11-23T11:40:00+08:00", 2);
    world.plate("C1", "S2", "京A12345", "2026-11-23T11:01:00+08:00", 0.95);
    world.occupancy("S2", true, "2026-11-23T11:00:00+08:00", 1);
    provider = new CountingProvider();
    payments = world.payments(provider);
  }

  private List<PaymentResult> concurrently(List<Callable<PaymentResult>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<PaymentResult>> futures = new ArrayList<>();
      for (Callable<PaymentResult> call : calls) {
        futures.add(pool.submit(() -> {
          go.await();
          return call.call();
        }));
      }
      go.countDown();
      List<PaymentResult> results = new ArrayList<>();
      for (Future<PaymentResult> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentRetriesWithOneKeyPayOnceAndAllGetTheSameAnswer() throws Exception {
    List<Callable<PaymentResult>> retries = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      retries.add(() -> payments.pay(OWNER, "S1-20261123-1", "app-retry-7", 1750));
    }

    List<PaymentResult> results = concurrently(retries);

    assertEquals(1, new HashSet<>(results).size(), "every retry answers the same: " + results);
    assertEquals(201, results.get(0).status(), results.get(0).body());
    assertEquals(1750, Json.parse(results.get(0).body()).get("amount").asLong());
    assertEquals(1, provider.charged.size(), "one payment id, charged once");
    assertEquals(1750, provider.kept());
    assertTrue(world.session("S1-20261123-1").paid());
    assertEquals(results.get(0), payments.pay(OWNER, "S1-20261123-1", "app-retry-7", 1750), "a later retry too");
  }

  @Test
  void concurrentPaymentsWithDifferentKeysPayOnceAndTheOthersAreRefusedAndRefunded() throws Exception {
    List<Callable<PaymentResult>> payers = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      String key = "device-" + i;
      payers.add(() -> payments.pay(OWNER, "S1-20261123-1", key, 1750));
    }

    List<PaymentResult> results = concurrently(payers);

    assertEquals(1, results.stream().filter(r -> r.status() == 201).count(), results.toString());
    assertEquals(THREADS - 1, results.stream().filter(r -> r.status() == 409).count(), results.toString());
    assertEquals(1750, provider.kept(), "whatever a loser was charged went back");
    Set<String> reasons = new HashSet<>();
    results.stream().filter(r -> r.status() == 409).forEach(r -> reasons.add(Json.parse(r.body()).get("error").asText()));
    assertEquals(Set.of("session S1-20261123-1 is already paid"), reasons);
  }

  @Test
  void onlyTheExactAmountOfAClosedSessionOfTheCallersPlateIsAccepted() {
    PaymentResult wrongAmount = payments.pay(OWNER, "S1-20261123-1", "k1", 1700);
    assertEquals(409, wrongAmount.status());
    assertEquals("the amount due is 1750 fen, not 1700", Json.parse(wrongAmount.body()).get("error").asText());
    assertEquals(409, payments.pay(OWNER, "S2-20261123-1", "k2", 100).status(), "still open");
    assertEquals(0, provider.chargeCalls.get(), "nothing was charged for a refused request");

    Caller stranger = new Caller("citizen-2", "citizen", List.of("京B99999"));
    HttpError notFound = assertThrows(HttpError.class, () -> payments.pay(stranger, "S1-20261123-1", "k3", 1750));
    assertEquals(404, notFound.status());

    assertEquals(201, payments.pay(OWNER, "S1-20261123-1", "k4", 1750).status());
    HttpError reused = assertThrows(HttpError.class, () -> payments.pay(OWNER, "S1-20261123-1", "k4", 1751));
    assertEquals(409, reused.status());
    assertEquals(409, payments.pay(OWNER, "S1-20261123-1", "k5", 1750).status(), "a second payment");
    assertEquals(1750, provider.kept());
  }
}
