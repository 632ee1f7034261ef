package city.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Access;
import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import city.catalog.HttpRoute;
import city.platform.FunctionVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * The web pages in the cloud: the functions that serve them, and only those, have the layer of the pages' files and
 * the folder it lands in; their routes are public; the sign-in provider reaches /web/config.json only when the
 * deployment names a real issuer.
 */
class WebFilesTest {
  private final SynthesizedCity city = SynthesizedCity.get();

  private static List<FunctionSpec> serving() {
    return Catalog.standard().functions().stream().filter(FunctionSpec::servesWebFiles).toList();
  }

  @Test
  void onlyTheFunctionsThatServeThePagesHaveTheirLayerAndNoTable() {
    assertFalse(serving().isEmpty());
    Map<String, JsonNode> layers = city.resourcesOfType("AWS::Lambda::LayerVersion");
    assertEquals(1, layers.size());
    String layer = layers.keySet().iterator().next();
    city.resourcesOfType("AWS::Lambda::Function").forEach((id, function) -> {
      JsonNode props = function.path("Properties");
      boolean serves = serving().stream().anyMatch(s -> s.id().equals(id));
      assertEquals(serves ? "[{\"Ref\":\"" + layer + "\"}]" : "", props.path("Layers").isMissingNode() ? ""
          : props.path("Layers").toString(), id);
      JsonNode root = props.path("Environment").path("Variables").path(FunctionVariables.WEB_ROOT);
      assertEquals(serves ? LambdaBundle.WEB_FILES_IN_LAYER : "", root.asText(""), id);
      if (serves) {
        assertTrue(props.path("Environment").path("Variables").path(FunctionVariables.OIDC_ISSUER).isMissingNode(),
            "the placeholder issuer is no sign-in provider");
      }
    });
    for (FunctionSpec function : serving()) {
      assertTrue(function.tables().isEmpty(), function.id() + " reads no table");
      for (HttpRoute route : Catalog.standard().routes()) {
        if (route.functionId().equals(function.id())) {
          assertEquals(Access.PUBLIC, route.access(), route.routeKey() + ": the pages hold no data");
        }
      }
    }
  }

  @Test
  void theLayerHoldsThePagesAndTheLibrariesAndNothingTheyDoNotServe() throws Exception {
    Path staged = SynthesizedCity.INFRA.resolve("target/web-layer/city-web");
    assertTrue(Files.isRegularFile(staged.resolve("web/console/index.html")));
    assertTrue(Files.isRegularFile(staged.resolve("web/app/index.html")));
    assertTrue(Files.isRegularFile(staged.resolve("node_modules/leaflet/dist/leaflet.js")));
    assertTrue(Files.isRegularFile(staged.resolve("node_modules/leaflet/dist/images/layers.png")));
    assertTrue(Files.isRegularFile(staged.resolve("node_modules/chart.js/dist/chart.umd.min.js")));
    try (Stream<Path> files = Files.walk(staged)) {
      assertTrue(files.noneMatch(f -> f.toString().endsWith(".ts")), "type definitions are not served");
    }
  }

  @Test
  void aRealIssuerReachesThePagesWithTheFirstAudienceAsTheirClient() throws Exception {
    Map<String, Object> context = new HashMap<>(SynthesizedCity.context());
    context.put("jwtIssuer", "https://sso.example.org/realms/city");
    context.put("jwtAudience", "city-console,city-app");
    JsonNode variables = webFunctionVariables(context);
    assertEquals("https://sso.example.org/realms/city", variables.path(FunctionVariables.OIDC_ISSUER).asText());
    assertEquals("city-console", variables.path(FunctionVariables.OIDC_CLIENT_ID).asText());
  }

  private static JsonNode webFunctionVariables(Map<String, Object> context) throws Exception {
    App app = App.Builder.create().outdir(Files.createTempDirectory("synth-oidc").toString()).context(context).build();
    CityStack stack = CityApp.build(app);
    CloudFormationStackArtifact artifact = SynthesizedCity.synth(app).getStackByName(stack.getStackName());
    JsonNode template = SynthesizedCity.JSON.readTree(Path.of(artifact.getTemplateFullPath()).toFile());
    return template.path("Resources").path(serving().get(0).id()).path("Properties").path("Environment").path("Variables");
  }
}
