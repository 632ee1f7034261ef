package city.infra;

import static city.infra.SynthesizedCity.joined;
import static city.infra.SynthesizedCity.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * The stack for every way a city deploys it: unpinned (the CLI's profile decides), pinned to a commercial
 * region with an account, and in each China region (Beijing without, Ningxia with an account). Each must be
 * cdk-nag clean, since `cdk synth` fails on any error; each gets its region's Lambda defaults; none carries
 * CDKMetadata, even where the CLI asks for version reporting.
 */
class RegionalSynthTest {
  static final String ACCOUNT = "123456789012";
  private static final Map<String, Synth> SYNTHS = new LinkedHashMap<>();

  record Synth(Optional<String> region, Optional<String> account, CloudFormationStackArtifact artifact, JsonNode template) {
    Map<String, JsonNode> ofType(String type) {
      Map<String, JsonNode> found = new LinkedHashMap<>();
      template.path("Resources").fields().forEachRemaining(e -> {
        if (e.getValue().path("Type").asText().equals(type)) {
          found.put(e.getKey(), e.getValue());
        }
      });
      return found;
    }
  }

  @BeforeAll
  static void synthesize() throws IOException {
    SynthesizedCity unpinned = SynthesizedCity.get();
    SYNTHS.put("unpinned", new Synth(Optional.empty(), Optional.empty(), unpinned.artifact, unpinned.json));
    pinned("us-east-1", Optional.of(ACCOUNT));
    pinned("cn-north-1", Optional.empty());
    pinned("cn-northwest-1", Optional.of(ACCOUNT));
  }

  private static void pinned(String region, Optional<String> account) throws IOException {
    Map<String, Object> context = new HashMap<>(SynthesizedCity.context());
    context.put("region", region);
    account.ifPresent(a -> context.put("account", a));
    // what the CLI passes unless cdk.json's versionReporting is false: the stack must not follow it
    context.put("aws:cdk:version-reporting", true);
    App app = App.Builder.create()
        .outdir(Files.createTempDirectory("synth-" + region).toString())
        .context(context)
        .build();
    CityStack stack = CityApp.build(app);
    CloudFormationStackArtifact artifact = SynthesizedCity.synth(app).getStackByName(stack.getStackName());
    JsonNode template = SynthesizedCity.JSON.readTree(Path.of(artifact.getTemplateFullPath()).toFile());
    SYNTHS.put(region, new Synth(Optional.of(region), account, artifact, template));
  }

  @Test
  void everyVariantIsCdkNagClean() throws IOException {
    for (Map.Entry<String, Synth> variant : SYNTHS.entrySet()) {
      CloudFormationStackArtifact artifact = variant.getValue().artifact();
      assertEquals(List.of(), artifact.getMessages().stream()
          .filter(m -> m.getLevel() == SynthesisMessageLevel.ERROR)
          .map(m -> m.getId() + ": " + m.getEntry().getData()).toList(), variant.getKey());
      List<String> rows = Files.readAllLines(Path.of(artifact.getAssembly().getDirectory())
          .resolve("AwsSolutions-" + artifact.getStackName() + "-NagReport.csv"));
      assertTrue(rows.stream().anyMatch(r -> r.contains("units/*/dispatch") && r.contains("\"Suppressed\"")),
          variant.getKey() + ": the publish wildcard is suppressed with its reason");
      assertEquals(List.of(), rows.stream().filter(r -> r.contains("\"Non-Compliant\"")).toList(), variant.getKey());
    }
  }

  @Test
  void thePublishGrantNamesTheRegionsPartitionRegionAndAccount() {
    assertEquals(Set.of("arn:<AWS::Partition>:iot:<AWS::Region>:<AWS::AccountId>:topic/units/*/dispatch"),
        publishArns(SYNTHS.get("unpinned")));
    assertEquals(Set.of("arn:aws:iot:us-east-1:" + ACCOUNT + ":topic/units/*/dispatch"), publishArns(SYNTHS.get("us-east-1")));
    assertEquals(Set.of("arn:aws-cn:iot:cn-north-1:<AWS::AccountId>:topic/units/*/dispatch"),
        publishArns(SYNTHS.get("cn-north-1")));
    assertEquals(Set.of("arn:aws-cn:iot:cn-northwest-1:" + ACCOUNT + ":topic/units/*/dispatch"),
        publishArns(SYNTHS.get("cn-northwest-1")));
  }

  @Test
  void everyFunctionHasItsRegionsArchitectureAndSnapStart() {
    for (Map.Entry<String, Synth> variant : SYNTHS.entrySet()) {
      LambdaRegion expected = LambdaRegion.of(variant.getValue().region());
      Map<String, JsonNode> functions = variant.getValue().ofType("AWS::Lambda::Function");
      assertTrue(functions.size() > 10, variant.getKey());
      functions.forEach((id, function) -> {
        JsonNode props = function.path("Properties");
        assertEquals("[\"" + expected.architecture() + "\"]", props.path("Architectures").toString(), variant.getKey() + " " + id);
        assertEquals(expected.snapStart() ? "PublishedVersions" : "", props.path("SnapStart").path("ApplyOn").asText(""),
            variant.getKey() + " " + id);
      });
    }
    assertEquals(new LambdaRegion("x86_64", false), LambdaRegion.of(Optional.of("cn-north-1")));
    assertEquals(new LambdaRegion("arm64", true), LambdaRegion.of(Optional.of("us-east-1")));
  }

  @Test
  void noVariantCarriesCdkMetadata() {
    SYNTHS.forEach((name, synth) -> {
      assertEquals(Map.of(), synth.ofType("AWS::CDK::Metadata"), name);
      assertTrue(synth.template().path("Conditions").path("CDKMetadataAvailable").isMissingNode(), name);
    });
  }

  /** The resources of DispatchAlerts' iot:Publish grant, as cdk-nag renders them. */
  private static Set<String> publishArns(Synth synth) {
    String role = synth.template().path("Resources").path("DispatchAlerts").path("Properties").path("Role")
        .path("Fn::GetAtt").get(0).asText();
    Set<String> arns = new TreeSet<>();
    for (JsonNode policy : synth.ofType("AWS::IAM::Policy").values()) {
      if (!SynthesizedCity.references(policy.path("Properties").path("Roles")).contains(role)) {
        continue;
      }
      for (JsonNode statement : list(policy.path("Properties").path("PolicyDocument").path("Statement"))) {
        if (list(statement.path("Action")).stream().anyMatch(a -> a.asText().equals("iot:Publish"))) {
          list(statement.path("Resource")).forEach(r -> arns.add(joined(r)));
        }
      }
    }
    return arns;
  }
}
