package city.local.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
  @Test
  void theSpecGivesARatePerServiceAndASeed() {
    FaultPlan plan = FaultPlan.parse("dynamodb:0.1, iot:0.5 ,events:0;seed=42");
    assertEquals(0.1, plan.rate(FaultTarget.DYNAMODB));
    assertEquals(0.5, plan.rate(FaultTarget.IOT));
    assertEquals(0.0, plan.rate(FaultTarget.EVENTS));
    assertEquals(42, plan.seed());
    assertEquals(0.0, FaultPlan.parse("iot:0.2").rate(FaultTarget.DYNAMODB), "a service not named is left alone");
  }

  @Test
  void aBadSpecIsRefusedWithTheReason() {
    for (String bad : List.of("", "dynamodb", "s3:0.1", "dynamodb:lots", "dynamodb:1.5", "dynamodb:-0.1",
        "dynamodb:0.1,dynamodb:0.2", "dynamodb:0.1;seed=x", "dynamodb:0.1;speed=3")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse(bad), bad);
      assertTrue(e.getMessage().startsWith(FaultPlan.VARIABLE + ": "), e.getMessage());
    }
  }

  @Test
  void theSameRequestsMeetTheSameFaultsWhateverTheirInterleaving() {
    List<String> attempts = new ArrayList<>();
    for (int key = 0; key < 200; key++) {
      for (int attempt = 0; attempt < 3; attempt++) {
        attempts.add("PutItem Parking {pk=S" + key + "}");
      }
    }
    Map<String, List<Fault>> inOrder = decisions(FaultPlan.parse("dynamodb:0.3;seed=7"), attempts);
    List<String> shuffled = new ArrayList<>(attempts);
    Collections.shuffle(shuffled, new Random(1));
    assertEquals(inOrder, decisions(FaultPlan.parse("dynamodb:0.3;seed=7"), shuffled));
    assertNotEquals(inOrder, decisions(FaultPlan.parse("dynamodb:0.3;seed=8"), attempts), "another seed, other faults");
  }

  @Test
  void aboutTheRateOfAttemptsFailEachWithOneOfItsServicesFaults() {
    FaultPlan plan = FaultPlan.parse("dynamodb:0.1;seed=3");
    Map<Fault, Integer> seen = new HashMap<>();
    int faults = 0;
    for (int i = 0; i < 20_000; i++) {
      Fault fault = plan.decide(FaultTarget.DYNAMODB, "GetItem Dispatch {pk=U" + i % 500 + "}");
      if (fault != null) {
        faults++;
        seen.merge(fault, 1, Integer::sum);
      }
    }
    assertTrue(faults > 1_700 && faults < 2_300, faults + " of 20000");
    assertEquals(FaultTarget.DYNAMODB.faults(), seen.keySet().stream().sorted().toList());
    assertEquals(null, plan.decide(FaultTarget.IOT, "Publish units/U1/dispatch"), "rate 0 for iot");
  }

  private static Map<String, List<Fault>> decisions(FaultPlan plan, List<String> attempts) {
    Map<String, List<Fault>> byRequest = new HashMap<>();
    for (String request : attempts) {
      byRequest.computeIfAbsent(request, r -> new ArrayList<>()).add(plan.decide(FaultTarget.DYNAMODB, request));
    }
    return byRequest;
  }
}
