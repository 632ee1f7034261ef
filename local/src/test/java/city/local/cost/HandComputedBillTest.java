package city.local.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Domain;
import city.catalog.FunctionSpec;
import city.catalog.Schedule;
import city.catalog.TableSpec;
import city.catalog.TopicRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Workload to usage to bill on a toy catalog, against a bill computed by hand (below), with no file and no I/O.
 *
 * <p>One domain "parking": a device function ParkingOccupancy (1024 MB) and a schedule ParkingSettlement
 * (512 MB, hourly: 30 x 24 = 720 runs a month), a PITR table Parking holding 10 GB. 1,000 spaces x 10 readings
 * a day x 30 days = 300,000 device messages; 10 sensors per gateway = 100 connections x 43,200 minutes.
 *
 * <pre>
 * occupancy (variable), n = 300,000: RRU 1, WRU 2, 19.2 ms (billed 20 ms), no publish, 3,580 log bytes
 *   lambda-requests 300,000; GB-s 300,000 x 0.020 s x 1 GB = 6,000; RRU 300,000; WRU 600,000;
 *   iot-messages, -rules, -actions 300,000 each; logs 1,074,000,000 B / 2^30 = 1.000240 GB, stored x 0.1 = 0.100024
 * settlement (fixed), n = 720: RRU 10, 99.5 ms (billed 100), 0.5 publishes to one device
 *   requests 720; GB-s 720 x 0.1 s x 0.5 GB = 36; RRU 7,200; iot-messages 720 x 0.5 x (1 publish + 1 delivery) = 720;
 *   scheduler 720; logs 2,577,600 B = 0.002401 GB, stored 0.000240
 * stack (fixed): 3 alarms, 1 budget
 *
 * fixed:    requests 0.000720M x 0.20 = 0.000144 (free -0.000144); GB-s 36 x 0.00001 = 0.00036 (free -0.00036);
 *           RRU 0.0072M x 0.25 = 0.0018; messages 0.00072M x 1 = 0.00072; scheduler 0.00072M x 1 = 0.00072;
 *           logs 0.002401 x 0.5 = 0.0012005 -> 0.001200 (half-even); stored 0.000240 x 0.03 = 0.000007;
 *           alarms 3 x 0.10 = 0.3 (free, 10 a month: -0.3); budget 0
 *           = 0.0018 + 0.00072 + 0.00072 + 0.0012 + 0.000007 = 0.004447
 * variable: requests 0.06 and GB-s 0.06, both within what the free tier leaves after the fixed use (-0.06, -0.06);
 *           RRU 0.3M x 0.25 = 0.075; WRU 0.6M x 1.25 = 0.75; messages 0.3; rules 0.045; actions 0.045;
 *           connections 4.32M x 0.08 = 0.3456; logs 1.000240 x 0.5 = 0.50012; stored 0.100024 x 0.03 = 0.003001;
 *           storage 10 x 0.25 = 2.5 (free 25 GB: -2.5); PITR 10 x 0.20 = 2.0
 *           = 0.075 + 0.75 + 0.3 + 0.09 + 0.3456 + 0.50012 + 0.003001 + 2.0 = 4.063721
 * total 4.068168; the 12-month free tier of IoT messages is not applied (the scenario says so)
 * </pre>
 */
class HandComputedBillTest {
  static final List<Domain> DOMAINS = List.of(new Domain("parking",
      List.of(new TableSpec("Parking", "PARKING_TABLE", "pk", "sk", List.of(), Optional.empty(), true, false, "toy")),
      List.of(function("ParkingOccupancy", 1024), function("ParkingSettlement", 512)),
      List.of(new TopicRule("parking_occupancy", "SELECT * FROM 'parking/spaces/+/occupancy'", "ParkingOccupancy",
          "parking-sensor", "toy")),
      List.of(),
      List.of(new Schedule("parking_settlement", "ParkingSettlement", Duration.ofHours(1), "PERIOD"))));

  static final UsageProfile PROFILE = new UsageProfile("toy", List.of(
      new EventProfile("ParkingOccupancy", EventProfile.MEASURED, 100, 1, 2, 3, 19.2, 0, "hand", "2026-12-01", null),
      new EventProfile("ParkingSettlement", EventProfile.ESTIMATE, 0, 10, 0, 2, 99.5, 0.5, "hand", "2026-12-01",
          "toy estimate")));

  static final Deployment DEPLOYMENT = new Deployment(3, 1, 30, true);

  @Test
  void theBillIsTheOneComputedByHand() {
    Bill bill = bill();

    same("0.004447", bill.fixed());
    same("4.063721", bill.variable());
    same("4.068168", bill.total());
    same("0.001200", line(bill, Items.LOGS_INGESTED_GB, true, "").cost());
    same("0.3456", line(bill, Items.IOT_CONNECTION_MINUTES, false, "").cost());
    same("4.32", line(bill, Items.IOT_CONNECTION_MINUTES, false, "").quantity());
    same("-0.3", line(bill, Items.CLOUDWATCH_ALARMS, true, FreeTier.ALWAYS).cost());
    same("-2.5", line(bill, Items.DYNAMODB_STORAGE_GB_MONTHS, false, FreeTier.ALWAYS).cost());
    same("-0.06", line(bill, Items.LAMBDA_REQUESTS, false, FreeTier.ALWAYS).cost());
    same("0.000720", line(bill, Items.SCHEDULER_INVOCATIONS, true, "").quantity());
    assertTrue(bill.lines().stream().noneMatch(l -> l.freeTier().equals(FreeTier.FIRST_YEAR)));
  }

  @Test
  void everyContractItemHasALineEvenWhenUnused() {
    Bill bill = bill();
    for (String item : Items.CONTRACT) {
      assertTrue(bill.lines().stream().anyMatch(l -> l.item().equals(item)), item);
    }
    same("0", line(bill, Items.HTTP_API_REQUESTS, false, "").cost());
  }

  @Test
  void theFirstYearFreeTierAppliesOnlyWhenTheScenarioSaysSo() {
    Scenario firstYear = scenario().withAssumptions(withFirstYear(scenario().assumptions()));
    Bill bill = Billing.bill("toy", "toy-1", prices(), UsageModel.usage(firstYear, PROFILE, DOMAINS, DEPLOYMENT), true);
    // 500,000 free messages cover the 720 fixed ones and the 300,000 variable ones
    same("-0.3", line(bill, Items.IOT_MESSAGES, false, FreeTier.FIRST_YEAR).cost());
    same("3.767448", bill.total());
  }

  static void same(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
  }

  static Bill bill() {
    return Billing.bill("toy", "toy-1", prices(), UsageModel.usage(scenario(), PROFILE, DOMAINS, DEPLOYMENT), false);
  }

  static Scenario scenario() {
    Workload workload = new Workload(1000, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    Assumptions assumptions = new Assumptions(100, 100, false, 10, 1, 3, 0, 3580, 350, 0.1, Map.of("Parking", 10.0),
        false, Map.of());
    return new Scenario("toy", "a toy city", null, workload, assumptions);
  }

  private static Assumptions withFirstYear(Assumptions a) {
    return new Assumptions(a.deviceMessageBytes(), a.cloudMessageBytes(), a.basicIngest(), a.sensorsPerGateway(),
        a.deliveriesPerPublish(), a.acksPerIncident(), a.failedEventShare(), a.logBytesPerInvocation(),
        a.accessLogBytesPerRequest(), a.logCompression(), a.storedGbByTable(), true, a.why());
  }

  static RegionPrices prices() {
    Map<String, Price> prices = Map.ofEntries(
        price(Items.LAMBDA_REQUESTS, "Lambda", 1_000_000, "0.20"),
        price(Items.LAMBDA_GB_SECONDS, "Lambda", 1, "0.00001"),
        price(Items.DYNAMODB_RRU, "DynamoDB", 1_000_000, "0.25"),
        price(Items.DYNAMODB_WRU, "DynamoDB", 1_000_000, "1.25"),
        price(Items.DYNAMODB_STORAGE_GB_MONTHS, "DynamoDB", 1, "0.25"),
        price(Items.DYNAMODB_PITR_GB_MONTHS, "DynamoDB", 1, "0.20"),
        price(Items.IOT_MESSAGES, "IoT Core", 1_000_000, "1.00"),
        price(Items.IOT_RULES, "IoT Core", 1_000_000, "0.15"),
        price(Items.IOT_ACTIONS, "IoT Core", 1_000_000, "0.15"),
        price(Items.IOT_CONNECTION_MINUTES, "IoT Core", 1_000_000, "0.08"),
        price(Items.HTTP_API_REQUESTS, "API Gateway", 1_000_000, "1.00"),
        price(Items.EVENTBRIDGE_EVENTS, "EventBridge", 1_000_000, "1.00"),
        price(Items.SCHEDULER_INVOCATIONS, "EventBridge", 1_000_000, "1.00"),
        price(Items.LOGS_INGESTED_GB, "CloudWatch", 1, "0.50"),
        price(Items.LOGS_STORED_GB_MONTHS, "CloudWatch", 1, "0.03"),
        price(Items.CLOUDWATCH_ALARMS, "CloudWatch", 1, "0.10"),
        price(Items.BUDGETS, "Budgets", 1, "0"));
    List<FreeTier> free = List.of(
        new FreeTier(Items.LAMBDA_REQUESTS, new BigDecimal("1000000"), FreeTier.ALWAYS, "published", "toy"),
        new FreeTier(Items.LAMBDA_GB_SECONDS, new BigDecimal("400000"), FreeTier.ALWAYS, "published", "toy"),
        new FreeTier(Items.CLOUDWATCH_ALARMS, new BigDecimal("10"), FreeTier.ALWAYS, "published", "toy"),
        new FreeTier(Items.DYNAMODB_STORAGE_GB_MONTHS, new BigDecimal("25"), FreeTier.ALWAYS, "published", "toy"),
        new FreeTier(Items.IOT_MESSAGES, new BigDecimal("500000"), FreeTier.FIRST_YEAR, "published", "toy"));
    return new RegionPrices("USD", "2026-12-01", "arm64", prices, free, List.of());
  }

  private static Map.Entry<String, Price> price(String item, String service, long per, String unitPrice) {
    return Map.entry(item, new Price(service, per == 1 ? "unit" : "1M", BigDecimal.valueOf(per), new BigDecimal(unitPrice),
        "published", "toy"));
  }

  static BillLine line(Bill bill, String item, boolean fixed, String freeTier) {
    List<BillLine> found = bill.lines().stream()
        .filter(l -> l.item().equals(item) && l.fixed() == fixed && l.freeTier().equals(freeTier)).toList();
    assertEquals(1, found.size(), item + " fixed=" + fixed + " free=" + freeTier + ": " + found);
    return found.get(0);
  }

  private static FunctionSpec function(String id, int memoryMb) {
    return new FunctionSpec(id, "city.toy." + id, memoryMb, 10, 0, List.of("Parking"), List.of(), "toy");
  }
}
