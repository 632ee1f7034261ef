package city.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/** cdk-nag's AwsSolutions pack runs in the app itself: `cdk synth` fails on any finding left unsuppressed. */
class CdkNagTest {
  private static SynthesizedCity city;

  @BeforeAll
  static void synthesize() {
    city = SynthesizedCity.get();
  }

  @Test
  void theAwsSolutionsChecksRanAndLeftNoUnsuppressedError() throws Exception {
    List<String> errors = city.messages.stream()
        .filter(m -> m.getLevel() == SynthesisMessageLevel.ERROR)
        .map(CdkNagTest::describe).toList();
    assertEquals(List.of(), errors);

    Path report = Path.of(city.artifact.getAssembly().getDirectory())
        .resolve("AwsSolutions-" + city.stack.getStackName() + "-NagReport.csv");
    List<String> rows = Files.readAllLines(report);
    assertTrue(rows.stream().anyMatch(r -> r.startsWith("\"AwsSolutions-IAM5\"")), "the checks ran on the roles");
    assertTrue(rows.stream().anyMatch(r -> r.contains("\"Suppressed\"")), "suppressions were applied");
    assertEquals(List.of(), rows.stream().filter(r -> r.contains("\"Non-Compliant\"")).toList());
  }

  @Test
  void noAwsSolutionsWarningIsLeftEither() {
    List<String> warnings = city.messages.stream()
        .filter(m -> m.getLevel() == SynthesisMessageLevel.WARNING)
        .map(CdkNagTest::describe)
        .filter(text -> text.contains("AwsSolutions-")).toList();
    assertEquals(List.of(), warnings);
  }

  @Test
  void everySuppressionNamesARuleAndGivesAReasonSpecificToThisStack() {
    int suppressions = 0;
    for (Map.Entry<String, JsonNode> resource : (Iterable<Map.Entry<String, JsonNode>>) city.resources()::fields) {
      for (JsonNode rule : resource.getValue().path("Metadata").path("cdk_nag").path("rules_to_suppress")) {
        suppressions++;
        assertTrue(rule.path("id").asText().startsWith("AwsSolutions-"), resource.getKey() + ": " + rule);
        String reason = rule.path("reason").asText();
        assertTrue(reason.length() >= 60, resource.getKey() + " " + rule.path("id") + ": reason too thin: " + reason);
      }
    }
    assertTrue(suppressions > 0, "suppressions exist (L1 on every function at least) and were all checked");
  }

  private static String describe(SynthesisMessage message) {
    return message.getId() + ": " + message.getEntry().getData();
  }
}
