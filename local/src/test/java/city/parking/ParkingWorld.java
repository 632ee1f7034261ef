package city.parking;

import city.parking.api.OccupancyHandler;
import city.parking.api.PaymentReconciliationHandler;
import city.parking.api.PlateReadHandler;
import city.parking.api.SettlementHandler;
import city.parking.api.Wiring;
import city.parking.core.OpsReports;
import city.parking.core.ParkingSettings;
import city.parking.core.ParkingStores;
import city.parking.core.PaymentProvider;
import city.parking.core.Payments;
import city.parking.core.SessionLookup;
import city.parking.core.session.Session;
import city.platform.City;
import city.platform.DeadLetter;
import city.platform.DeadLetterStore;
import city.platform.DevicePublisher;
import city.platform.EventPublisher;
import city.testing.RecordingEventPublisher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The real parking handlers on one parking table of a dynalite, with a clock the test sets. */
final class ParkingWorld {
  static final City CITY = City.load(Path.of("..", "local", "cities", "sample-county.json"));

  final ParkingStores stores;
  final ParkingSettings settings = ParkingSettings.of(CITY);
  final List<DeadLetter> deadLetters = Collections.synchronizedList(new ArrayList<>());
  final OccupancyHandler occupancy;
  final PlateReadHandler plates;
  final Clock clock;

  ParkingWorld(DynamoDbClient dynamoDb, String table, Clock clock) {
    this(Wiring.stores(dynamoDb, table), clock);
  }

  /** The handlers on these stores (the table's, some wrapped by the test). */
  ParkingWorld(ParkingStores stores, Clock clock) {
    this.clock = clock;
    this.stores = stores;
    DeadLetterStore letters = new DeadLetterStore() {
      @Override
      public void record(DeadLetter deadLetter) {
        deadLetters.add(deadLetter);
      }

      @Override
      public List<DeadLetter> recent(int limit) {
        return List.copyOf(deadLetters);
      }
    };
    this.occupancy = new OccupancyHandler(CITY, stores, letters, clock);
    this.plates = new PlateReadHandler(CITY, stores, letters, clock);
  }

  Map<String, Object> deliver(Histories.Message message) {
    return message.occupancy() ? occupancy.handleRequest(message.event(), null) : plates.handleRequest(message.event(), null);
  }

  Map<String, Object> occupancy(String spaceId, boolean occupied, String ts, long seq) {
    return deliver(Histories.occupancy(spaceId, occupied, OffsetDateTime.parse(ts), seq));
  }

  Map<String, Object> plate(String cameraId, String spaceId, String plate, String ts, double confidence) {
    return deliver(Histories.plate(spaceId, cameraId, plate, OffsetDateTime.parse(ts), confidence));
  }

  Map<String, Object> settle(DevicePublisher publisher) {
    return settle(publisher, new RecordingEventPublisher());
  }

  Map<String, Object> settle(DevicePublisher publisher, EventPublisher events) {
    return new SettlementHandler(CITY, stores, publisher, events, clock).handleRequest(Map.of("time", clock.instant().toString()), null);
  }

  SessionLookup lookup() {
    return new SessionLookup(settings, stores.spaces(), stores.sessions());
  }

  Payments payments(PaymentProvider provider) {
    return new Payments(lookup(), stores.sessions(), stores.keys(), stores.intents(), provider, clock);
  }

  Map<String, Object> reconcile(PaymentProvider provider) {
    return new PaymentReconciliationHandler(CITY, stores, provider, clock)
        .handleRequest(Map.of("time", clock.instant().toString()), null);
  }

  OpsReports reports() {
    return new OpsReports(settings, stores.spaces(), stores.sessions(), lookup());
  }

  Session session(String sessionId) {
    return lookup().find(sessionId).orElseThrow(() -> new AssertionError("no session " + sessionId));
  }

  String zoneOf(String spaceId) {
    return settings.layout().zoneOf(spaceId).orElseThrow().zone();
  }

  /** Every session of the space that started on the dates, closed ones from the store and the open one. */
  List<Session> sessions(String spaceId, LocalDate from, LocalDate to) {
    String zone = zoneOf(spaceId);
    List<Session> sessions = new ArrayList<>(stores.sessions().ofSpace(zone, spaceId, from, to));
    stores.spaces().head(zone, spaceId).flatMap(lookup()::open).ifPresent(sessions::add);
    return sessions;
  }
}
