package city.parking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The issue's cost target, measured: DynamoDB request units per occupancy message on the common path (the
 * next seq of its space, camera reads in between) at most 2 write units and 1 read unit. Units are what
 * dynalite reports per request (it sizes items like DynamoDB), plus the units dynalite does not report
 * (refused conditional writes, index writes), see {@link CapacityMeter}.
 */
class OccupancyCostTest {
  /** Shortly after the histories (they start 2026-11-20): closing a session older than the arrears age costs more. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T04:00:00Z"), ZoneOffset.UTC);
  @RegisterExtension
  static final ParkingDynalite dynalite = new ParkingDynalite();

  /** Request units of one kind of message. */
  static final class Tally {
    int messages;
    double writeUnits;
    double readUnits;
    double maxWrite;
    double maxRead;
    long requests;
    long indexWrites;

    void add(CapacityMeter.Reading delta) {
      indexWrites += delta.indexWrites();
      messages++;
      writeUnits += delta.writeUnits();
      readUnits += delta.readUnits();
      maxWrite = Math.max(maxWrite, delta.writeUnits());
      maxRead = Math.max(maxRead, delta.readUnits());
      requests += delta.requests();
    }

    @Override
    public String toString() {
      return String.format("%d messages: %.2f WCU and %.2f RCU per message on average (max %.0f WCU, %.1f RCU), "
          + "%.2f requests and %.2f index writes per message", messages, writeUnits / messages, readUnits / messages,
          maxWrite, maxRead, (double) requests / messages, (double) indexWrites / messages);
    }
  }

  private static Map<String, Tally> deliver(ParkingWorld world, CapacityMeter meter, List<Histories.Message> messages) {
    Tally occupancy = new Tally();
    Tally plates = new Tally();
    for (Histories.Message message : messages) {
      CapacityMeter.Reading before = meter.snapshot();
      assertEquals("ok", world.deliver(message).get("status"));
      (message.occupancy() ? occupancy : plates).add(meter.snapshot().minus(before));
    }
    return Map.of("occupancy", occupancy, "plates", plates);
  }

  private static List<Histories.Message> county(long seed, int readings) {
    Random random = new Random(seed);
    List<Histories.Message> all = new ArrayList<>();
    OffsetDateTime start = OffsetDateTime.parse("2026-11-20T06:00:00+08:00");
    Histories.cameras(ParkingWorld.CITY).forEach((space, camera) ->
        all.addAll(Histories.space(random, space, camera, start, readings)));
    return all;
  }

  @Test
  void inOrderOccupancyMessagesCostAtMostTwoWriteUnitsAndOneReadUnit() {
    CapacityMeter meter = new CapacityMeter();
    DynamoDbClient client = dynalite.client(List.of(meter));
    String table = dynalite.parkingTable();
    ParkingWorld world = new ParkingWorld(client, table, CLOCK);

    Map<String, Tally> tally = deliver(world, meter, Histories.inOrder(county(11, 20)));

    Tally occupancy = tally.get("occupancy");
    System.out.println("in order, occupancy: " + occupancy);
    System.out.println("in order, plate reads: " + tally.get("plates"));
    assertTrue(occupancy.messages > 500);
    assertTrue(occupancy.maxWrite <= 2, occupancy.toString());
    assertTrue(occupancy.maxRead <= 1, occupancy.toString());
    assertEquals(0, occupancy.indexWrites, "the common path writes no index entry");

    int largestHead = 0;
    for (Map<String, AttributeValue> item : client.scan(ScanRequest.builder().tableName(table).build()).items()) {
      if (item.get("sk").s().startsWith("SPACE#")) {
        largestHead = Math.max(largestHead, ItemSize.bytes(item));
      }
    }
    System.out.println("largest head item: " + largestHead + " bytes");
    assertTrue(largestHead <= 1024, "a head write must stay one write unit: " + largestHead + " bytes");
  }

  @Test
  void duplicatesOfAppliedReadingsCostOneReadAndNoWrite() {
    CapacityMeter meter = new CapacityMeter();
    ParkingWorld world = new ParkingWorld(dynalite.client(List.of(meter)), dynalite.parkingTable(), CLOCK);
    List<Histories.Message> occupancy = Histories.inOrder(county(12, 6)).stream().filter(Histories.Message::occupancy).toList();
    deliver(world, meter, occupancy);

    Tally again = deliver(world, meter, occupancy).get("occupancy");

    System.out.println("redelivered in order: " + again);
    assertEquals(0, again.writeUnits);
    assertEquals(1, again.maxRead);
  }

  @Test
  void reorderedAndDuplicatedDeliveryCostIsReported() {
    CapacityMeter meter = new CapacityMeter();
    ParkingWorld world = new ParkingWorld(dynalite.client(List.of(meter)), dynalite.parkingTable(), CLOCK);

    Map<String, Tally> tally = deliver(world, meter, Histories.duplicatedAndShuffled(new Random(13), county(13, 8)));

    System.out.println("shuffled and duplicated, occupancy: " + tally.get("occupancy"));
    System.out.println("shuffled and duplicated, plate reads: " + tally.get("plates"));
    System.out.println("refused conditional writes: " + meter.refusedWrites.sum());
    assertTrue(tally.get("occupancy").writeUnits / tally.get("occupancy").messages < 4);
  }
}
