package city.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * The city stack synthesized once per test JVM, exactly as `cdk synth` does it (the cdk.json context, the
 * AwsSolutions checks, output into infra/cdk.out where samconfig.toml points). Synthesis takes seconds and
 * a node process, so every test class shares this one.
 */
final class SynthesizedCity {
  static final Path INFRA = Path.of("").toAbsolutePath();
  static final Path REPO = INFRA.getParent();
  static final ObjectMapper JSON = new ObjectMapper();

  private static SynthesizedCity instance;

  final CityStack stack;
  final CloudFormationStackArtifact artifact;
  final Template template;
  final JsonNode json;
  final List<SynthesisMessage> messages;

  private SynthesizedCity(CityStack stack, CloudFormationStackArtifact artifact) {
    this.stack = stack;
    this.artifact = artifact;
    try {
      this.json = JSON.readTree(Path.of(artifact.getTemplateFullPath()).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.template = Template.fromString(json.toString());
    this.messages = artifact.getMessages();
  }

  static synchronized SynthesizedCity get() {
    if (instance == null) {
      App app = App.Builder.create()
          .outdir(INFRA.resolve(cdkJson().path("output").asText("cdk.out")).toString())
          .context(context())
          .build();
      CityStack stack = CityApp.build(app);
      CloudAssembly assembly = synth(app);
      instance = new SynthesizedCity(stack, assembly.getStackByName(stack.getStackName()));
    }
    return instance;
  }

  /** Synthesizes; a failed validation (cdk-nag errors among them) fails with the violations, not a file name. */
  static CloudAssembly synth(App app) {
    try {
      return app.synth();
    } catch (RuntimeException e) {
      Path report = Path.of(app.getOutdir()).resolve("validation-report.json");
      if (!e.getMessage().contains("Validation failed") || !report.toFile().exists()) {
        throw e;
      }
      StringBuilder violations = new StringBuilder("synth failed validation:");
      try {
        for (JsonNode plugin : JSON.readTree(report.toFile()).path("pluginReports")) {
          for (JsonNode violation : plugin.path("violations")) {
            if (violation.path("severity").asText().equals("error")) {
              violations.append("\n  ").append(violation.path("ruleName").asText()).append(": ")
                  .append(violation.path("description").asText());
              violation.path("violatingConstructs").forEach(c ->
                  violations.append("\n    at ").append(c.path("constructPath").asText()));
            }
          }
        }
      } catch (IOException unreadable) {
        e.addSuppressed(unreadable);
      }
      throw new AssertionError(violations.toString(), e);
    }
  }

  static JsonNode cdkJson() {
    try {
      return JSON.readTree(INFRA.resolve("cdk.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** cdk.json's context plus what the CLI adds: path and asset metadata (`sam local invoke` needs the latter). */
  static Map<String, Object> context() {
    Map<String, Object> context = new HashMap<>(JSON.convertValue(cdkJson().path("context"), Map.class));
    context.put("aws:cdk:enable-path-metadata", true);
    context.put("aws:cdk:enable-asset-metadata", true);
    return context;
  }

  JsonNode resources() {
    return json.path("Resources");
  }

  /** Logical id to resource, for every resource of the type. */
  Map<String, JsonNode> resourcesOfType(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = resources().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getValue().path("Type").asText().equals(type)) {
        found.put(entry.getKey(), entry.getValue());
      }
    }
    return found;
  }

  JsonNode resource(String logicalId) {
    JsonNode resource = resources().path(logicalId);
    if (resource.isMissingNode()) {
      throw new AssertionError("no resource " + logicalId + " in the template");
    }
    return resource;
  }

  /** Every logical id a JSON fragment refers to via Ref or Fn::GetAtt. */
  static List<String> references(JsonNode node) {
    List<String> refs = new ArrayList<>();
    collect(node, refs);
    return refs;
  }

  private static void collect(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      if (node.has("Ref") && node.get("Ref").isTextual() && !node.get("Ref").asText().startsWith("AWS::")) {
        refs.add(node.get("Ref").asText());
      }
      if (node.has("Fn::GetAtt")) {
        refs.add(node.get("Fn::GetAtt").get(0).asText());
      }
      node.elements().forEachRemaining(child -> collect(child, refs));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collect(child, refs));
    }
  }

  /** The literal text of an ARN built with Fn::Join, pseudo parameters rendered as {@code <AWS::X>}. */
  static String joined(JsonNode node) {
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.has("Fn::Join")) {
      StringBuilder out = new StringBuilder();
      for (JsonNode part : node.get("Fn::Join").get(1)) {
        out.append(part.isTextual() ? part.asText()
            : part.has("Ref") ? "<" + part.get("Ref").asText() + ">"
            : part.has("Fn::GetAtt") ? "<" + part.get("Fn::GetAtt").get(0).asText() + "."
                + part.get("Fn::GetAtt").get(1).asText() + ">"
            : part.toString());
      }
      return out.toString();
    }
    if (node.has("Ref")) {
      return "<" + node.get("Ref").asText() + ">";
    }
    if (node.has("Fn::GetAtt")) {
      return "<" + node.get("Fn::GetAtt").get(0).asText() + "." + node.get("Fn::GetAtt").get(1).asText() + ">";
    }
    return node.toString();
  }

  static List<JsonNode> list(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node.isArray()) {
      node.elements().forEachRemaining(out::add);
    } else if (!node.isMissingNode() && !node.isNull()) {
      out.add(node);
    }
    return out;
  }
}
