package city.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * samconfig.toml drives `sam local invoke <FunctionId> -e events/...` against the synthesized template: its
 * template path must be where synth writes, its stack name the stack's, and the function ids SAM is given
 * (the catalog ids) the template's logical ids.
 */
class SamConfigTest {
  private static SynthesizedCity city;
  private static JsonNode samconfig;

  @BeforeAll
  static void load() throws Exception {
    city = SynthesizedCity.get();
    samconfig = new TomlMapper().readTree(SynthesizedCity.REPO.resolve("samconfig.toml").toFile());
  }

  @Test
  void theStackNameAndRegionAreSet() {
    JsonNode global = samconfig.path("default").path("global").path("parameters");
    assertEquals(city.stack.getStackName(), global.path("stack_name").asText());
    assertTrue(global.path("region").asText().matches("[a-z]{2}(-[a-z]+)+-\\d"), global.path("region").asText());
  }

  @Test
  void everyTemplatePathIsTheTemplateThatSynthWrites() throws Exception {
    Path written = Path.of(city.artifact.getTemplateFullPath()).toRealPath();
    for (String command : new String[] {"local_invoke", "local_start_api", "validate"}) {
      String templateFile = samconfig.path("default").path(command).path("parameters").path("template_file").asText();
      Path configured = SynthesizedCity.REPO.resolve(templateFile);
      assertTrue(Files.exists(configured), command + ": " + templateFile + " does not exist after synth");
      assertEquals(written, configured.toRealPath(), command);
    }
  }

  @Test
  void everyCatalogFunctionIdIsALambdaFunctionLogicalIdWithItsCodeAssetRecorded() {
    for (FunctionSpec spec : Catalog.standard().functions()) {
      JsonNode function = city.resource(spec.id());
      assertEquals("AWS::Lambda::Function", function.path("Type").asText(), spec.id());
      String asset = function.path("Metadata").path("aws:asset:path").asText();
      assertTrue(Files.isDirectory(Path.of(city.artifact.getAssembly().getDirectory()).resolve(asset)),
          spec.id() + ": SAM finds the code at aws:asset:path " + asset);
      assertTrue(Files.exists(Path.of(city.artifact.getAssembly().getDirectory()).resolve(asset).resolve("city.json")));
    }
  }
}
