package city.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values of a list claim, as the HTTP API JWT authorizer hands them to Lambda: it renders an array claim
 * as {@code "[a b]"} (elements joined by one space), a string claim as itself. A JSON array of strings is
 * read too (other issuers and gateways). A string claim is one value, never split: a token issued for
 * {@code "京X00000,京B99999"} holds that one value, which is no plate, not two plates.
 */
public final class ClaimValues {
  private static final ObjectReader STRICT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ClaimValues() {}

  /**
   * @return the values, in order; empty when the claim is absent or an empty array
   * @throws HttpError 401 when the claim looks like the authorizer's array but has empty elements
   */
  public static List<String> parse(String name, String claim) {
    if (claim == null) {
      return List.of();
    }
    if (!(claim.startsWith("[") && claim.endsWith("]"))) {
      return List.of(claim);
    }
    return jsonStrings(claim).orElseGet(() -> authorizerArray(name, claim.substring(1, claim.length() - 1)));
  }

  /** A JSON array whose elements are all strings; anything else is read as the authorizer's rendering. */
  private static Optional<List<String>> jsonStrings(String claim) {
    JsonNode array;
    try {
      array = STRICT.readTree(claim);
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : array) {
      if (!element.isTextual()) {
        return Optional.empty();
      }
      values.add(element.asText());
    }
    return Optional.of(List.copyOf(values));
  }

  private static List<String> authorizerArray(String name, String inner) {
    if (inner.isEmpty()) {
      return List.of();
    }
    List<String> values = List.of(inner.split(" ", -1));
    if (values.contains("")) {
      throw HttpError.unauthorized("token claim " + name + " is not a list as the JWT authorizer renders one");
    }
    return values;
  }
}
