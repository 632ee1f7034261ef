package city.parking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.parking.core.session.PlateCandidate;
import city.parking.core.session.Session;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The property: random histories for every space of the sample county, delivered duplicated and
 * shuffled, by concurrent invocations of the real handlers against dynalite, bill exactly what in-order
 * delivery bills: the same sessions (id, start, end, amount, flags), the same plates, the same open
 * sessions and the same public status. A seeded generator: a failing seed reproduces.
 */
class ReorderedDeliveryTest {
  private static final int READINGS_PER_SPACE = 10;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T04:00:00Z"), ZoneOffset.UTC);
  @RegisterExtension
  static final ParkingDynalite dynalite = new ParkingDynalite();

  /** What a bill is made of; the plate's read is compared too, so "highest confidence wins" is checked. */
  record Bill(String sessionId, Instant start, Instant end, Long closeSeq, long amountDue, boolean noise,
      boolean settledWithGap, String plate, Double confidence) {
    static Bill of(Session s) {
      return new Bill(s.sessionId(), s.start().toInstant(), s.end().map(OffsetDateTime::toInstant).orElse(null),
          s.closeSeq().orElse(null), s.amountDue(), s.noise(), s.settledWithGap(), s.plateNumber().orElse(null),
          s.plate().map(PlateCandidate::confidence).orElse(null));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {20261128L, 7L, 424242L})
  void shuffledDuplicatedConcurrentDeliveryBillsLikeInOrderDelivery(long seed) throws Exception {
    Random random = new Random(seed);
    ParkingWorld inOrder = new ParkingWorld(dynalite.client(), dynalite.parkingTable(), CLOCK);
    ParkingWorld shuffled = new ParkingWorld(dynalite.client(), dynalite.parkingTable(), CLOCK);
    Map<String, String> cameras = Histories.cameras(ParkingWorld.CITY);
    OffsetDateTime start = OffsetDateTime.parse("2026-11-16T06:00:00+08:00").plusMinutes(random.nextInt(600));
    List<Histories.Message> all = new ArrayList<>();
    for (var space : cameras.entrySet()) {
      all.addAll(Histories.space(random, space.getKey(), space.getValue(), start, READINGS_PER_SPACE));
    }

    for (Histories.Message message : Histories.inOrder(all)) {
      assertEquals("ok", inOrder.deliver(message).get("status"), message.payload());
    }
    List<Histories.Message> delivery = Histories.duplicatedAndShuffled(random, all);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Map<String, Object>>> results = new ArrayList<>();
      for (Histories.Message message : delivery) {
        results.add(pool.submit(() -> shuffled.deliver(message)));
      }
      for (Future<Map<String, Object>> result : results) {
        assertEquals("ok", result.get().get("status"));
      }
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
    }

    LocalDate from = start.toLocalDate().minusDays(1);
    LocalDate to = from.plusDays(READINGS_PER_SPACE);
    int sessions = 0;
    int plated = 0;
    for (String spaceId : cameras.keySet()) {
      List<Bill> expected = inOrder.sessions(spaceId, from, to).stream().map(Bill::of).toList();
      List<Bill> actual = shuffled.sessions(spaceId, from, to).stream().map(Bill::of).toList();
      assertEquals(expected, actual, "seed " + seed + ", space " + spaceId);
      String zone = inOrder.zoneOf(spaceId);
      assertEquals(inOrder.stores.spaces().head(zone, spaceId).orElseThrow().state(),
          shuffled.stores.spaces().head(zone, spaceId).orElseThrow().state(), "status of " + spaceId);
      sessions += expected.size();
      plated += (int) expected.stream().filter(b -> b.plate() != null).count();
    }
    assertTrue(inOrder.deadLetters.isEmpty() && shuffled.deadLetters.isEmpty(), () -> "dead letters: " + shuffled.deadLetters);
    // the generator must produce something worth comparing
    assertTrue(sessions > cameras.size() * 3, "only " + sessions + " sessions");
    assertTrue(plated > sessions / 3, "only " + plated + " sessions with a plate");
    System.out.printf("seed %d: %d messages, %d deliveries, %d sessions (%d with a plate) identical%n",
        seed, all.size(), delivery.size(), sessions, plated);
  }
}
