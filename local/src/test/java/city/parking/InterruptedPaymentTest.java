package city.parking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import city.parking.core.CountingProvider;
import city.parking.core.DyingAfterCharge;
import city.parking.core.PaymentIntent;
import city.parking.core.PaymentResult;
import city.platform.Caller;
import city.platform.Json;
import city.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The payments function dies between the charge and the mark (a timeout after a slow provider answered), a
 * second key pays the session, the first key's retry is told it is paid: the scheduled reconciliation, the
 * real handler on dynalite, refunds the orphan charge exactly once, however many runs race for it.
 */
class InterruptedPaymentTest {
  private static final Caller OWNER = new Caller("citizen-1", "citizen", List.of("京A12345"));
  private static final String SESSION = "S1-20261123-1";
  private static final int RECONCILERS = 4;
  @RegisterExtension
  static final ParkingDynalite dynalite = new ParkingDynalite();
  private MutableClock clock;
  private ParkingWorld world;
  private CountingProvider provider;

  /** S1 closed: Monday 10:00-11:40, class I, 1750 fen, plate 京A12345. */
  @BeforeEach
  void aClosedSession() {
    clock = new MutableClock(Instant.parse("2026-11-23T04:00:00Z"));
    world = new ParkingWorld(dynalite.client(), dynalite.parkingTable(), clock);
    world.plate("C1", "S1", "京A12345", "2026-11-23T10:01:00+08:00", 0.95);
    world.occupancy("S1", true, "2026-11-23T10:00:00+08:00", 1);
    world.occupancy("S1", false, "2026-11-23T11:40:00+08:00", 2);
    provider = new CountingProvider();
  }

  @Test
  void theOrphanChargeIsRefundedOnceAndTheSessionKeepsItsOnePayment() throws Exception {
    assertThrows(DyingAfterCharge.InvocationDied.class,
        () -> world.payments(new DyingAfterCharge(provider)).pay(OWNER, SESSION, "phone-1", 1750));
    clock.advance(Duration.ofSeconds(20));
    PaymentResult other = world.payments(provider).pay(OWNER, SESSION, "phone-2", 1750);
    PaymentResult retry = world.payments(provider).pay(OWNER, SESSION, "phone-1", 1750);
    assertEquals(201, other.status(), other.body());
    assertEquals("session " + SESSION + " is already paid", Json.parse(retry.body()).get("error").asText());
    assertEquals(3500, provider.kept());

    clock.advance(Duration.ofMinutes(5));
    assertEquals(0, world.reconcile(provider).get("intentsChecked"), "too young: a live invocation may own it");

    clock.advance(PaymentIntent.RECONCILE_AFTER);
    List<Map<String, Object>> runs = concurrentReconciliations();

    assertEquals(1, runs.stream().mapToInt(run -> (Integer) run.get("chargesRefunded")).sum(), runs.toString());
    assertEquals(1, provider.refundCalls.get(), "one refund, whichever run claimed it");
    assertEquals(1750, provider.kept());
    assertEquals(0, world.reconcile(provider).get("intentsChecked"), "nothing is left to reconcile");
    assertEquals(1750, world.session(SESSION).payment().orElseThrow().amount());
    assertEquals(retry, world.payments(provider).pay(OWNER, SESSION, "phone-1", 1750), "the key's answer stays");
    assertEquals(1, provider.refundCalls.get());
  }

  private List<Map<String, Object>> concurrentReconciliations() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RECONCILERS);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Map<String, Object>>> futures = new ArrayList<>();
      for (int i = 0; i < RECONCILERS; i++) {
        futures.add(pool.submit(() -> {
          go.await();
          return world.reconcile(provider);
        }));
      }
      go.countDown();
      List<Map<String, Object>> runs = new ArrayList<>();
      for (Future<Map<String, Object>> future : futures) {
        runs.add(future.get());
      }
      return runs;
    } finally {
      pool.shutdownNow();
    }
  }
}
