package city.parking.core;

import city.parking.core.session.OccupancyReading;
import city.parking.core.session.Session;
import city.platform.TestCity;
import city.testing.MutableClock;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The parking services of the sample county wired as the handlers wire them, on memory stores, with a clock
 * the test moves: no I/O, so the fold, the settlement and payments are tested in milliseconds.
 */
final class MemoryParking {
  final ParkingSettings settings = ParkingSettings.of(TestCity.sample());
  final ParkingStores stores = new ParkingStores(new MemorySpaceStore(), new MemorySessionStore(),
      new MemoryPlateReadStore(), new MemoryIdempotencyStore(), new MemoryPaymentIntentStore());
  final MutableClock clock;
  private final SessionBook book = new SessionBook(settings, stores.sessions());
  private final WaitingReads waitingReads = new WaitingReads(stores.plateReads());
  private final OccupancyService occupancy;
  private final PlateService plates;
  private final GapSettlement gaps;

  MemoryParking(Instant now) {
    clock = new MutableClock(now);
    occupancy = new OccupancyService(settings, stores.spaces(), book, waitingReads,
        new LateReadingCorrection(settings, stores.spaces(), stores.sessions(), stores.plateReads(), book), clock);
    plates = new PlateService(settings, stores.spaces(), stores.sessions(), stores.plateReads(), clock);
    gaps = new GapSettlement(settings, stores.spaces(), book, waitingReads);
  }

  OccupancyService.Outcome occupancy(String spaceId, boolean occupied, String ts, long seq) {
    return occupancy.apply(zoneOf(spaceId), new OccupancyReading(spaceId, occupied, OffsetDateTime.parse(ts), seq));
  }

  PlateService.Outcome plate(String cameraId, String spaceId, String plate, String ts, double confidence) {
    return plates.accept(new PlateRead(cameraId, spaceId, plate, OffsetDateTime.parse(ts), confidence));
  }

  /** @return how many spaces had a gap settled, as the scheduled settlement would now */
  int settleGaps() {
    return gaps.settle(clock.instant());
  }

  SessionLookup lookup() {
    return new SessionLookup(settings, stores.spaces(), stores.sessions());
  }

  Payments payments(PaymentProvider provider) {
    return new Payments(lookup(), stores.sessions(), stores.keys(), stores.intents(), provider, clock);
  }

  Session session(String sessionId) {
    return lookup().find(sessionId).orElseThrow(() -> new AssertionError("no session " + sessionId));
  }

  SpaceHead head(String spaceId) {
    return stores.spaces().head(zoneOf(spaceId), spaceId).orElseThrow();
  }

  String zoneOf(String spaceId) {
    return settings.layout().zoneOf(spaceId).orElseThrow().zone();
  }
}
