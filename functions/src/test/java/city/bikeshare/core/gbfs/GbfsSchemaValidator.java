package city.bikeshare.core.gbfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The official GBFS v3.0 JSON schemas (test resources, verbatim), formats asserted (date-time, uri, email). Read from
 * the classpath, so the twin's tests (which have this module's test jar) validate against the very same files.
 */
public final class GbfsSchemaValidator {
  static final String SCHEMAS = "/gbfs-json-schema/v3.0/";

  private GbfsSchemaValidator() {}

  /** @return the validation messages, empty when the file is valid */
  public static List<String> validate(String feedName, JsonNode file) {
    try {
      JsonNode schemaNode;
      try (InputStream schemaFile = GbfsSchemaValidator.class.getResourceAsStream(SCHEMAS + feedName + ".json")) {
        if (schemaFile == null) {
          throw new IllegalArgumentException("no GBFS v3.0 schema for " + feedName);
        }
        schemaNode = new ObjectMapper().readTree(schemaFile);
      }
      if (!schemaNode.path("$schema").asText().contains("draft-07")) {
        throw new IllegalStateException("expected a draft-07 schema for " + feedName);
      }
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaNode, config);
      Set<ValidationMessage> messages = schema.validate(file);
      return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
