package city.local.bench.coldstart;

import city.local.lambda.HandlerInput;
import city.platform.Json;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The main class of one cold-start child JVM, put next to the shaded Lambda jar: does what Lambda's init
 * and first invocation do (or one of the two baselines), then prints the wall time since the parent
 * spawned the process ({@value #LINE} {@code ms=N answer=...}) and exits.
 *
 * <pre>
 *   hello   SPAWNED_AT_MILLIS
 *   sdk     SPAWNED_AT_MILLIS TABLE               one GetItem with a bare client
 *   handler SPAWNED_AT_MILLIS HANDLER_CLASS EVENT_FILE
 * </pre>
 */
public final class ColdStartLauncher {
  static final String LINE = "COLDSTART";

  private ColdStartLauncher() {}

  public static void main(String[] args) throws Exception {
    long spawnedAt = Long.parseLong(args[1]);
    String answer;
    try {
      answer = switch (args[0]) {
        case "hello" -> "hello world";
        case "sdk" -> sdkGetItem(args[2]);
        case "handler" -> invokeOnce(args[2], Path.of(args[3]));
        default -> throw new IllegalArgumentException("unknown mode " + args[0]);
      };
    } catch (Exception e) {
      answer = "error " + e;
    }
    long millis = System.currentTimeMillis() - spawnedAt;
    System.out.println(LINE + " ms=" + millis + " answer=" + answer.replace('\n', ' '));
    System.out.flush();
    // A handler may leave client threads behind; Lambda freezes the environment, here the process ends.
    System.exit(0);
  }

  /** The no-arg constructor (Lambda's init phase), the event converted to the handler's input type, one call. */
  @SuppressWarnings("unchecked")
  private static String invokeOnce(String handlerClass, Path eventFile) throws Exception {
    Class<?> type = Class.forName(handlerClass);
    RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) type.getDeclaredConstructor().newInstance();
    Object input = Json.MAPPER.convertValue(Json.MAPPER.readTree(Files.readString(eventFile)), HandlerInput.typeOf(type));
    Object result = handler.handleRequest(input, new LaunchContext(type.getSimpleName()));
    if (result instanceof APIGatewayV2HTTPResponse response) {
      return "HTTP " + response.getStatusCode();
    }
    String text = String.valueOf(result);
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  /** The floor of any function that reads DynamoDB: a bare client, explicit region and credentials, one read. */
  private static String sdkGetItem(String table) {
    Map<String, String> env = System.getenv();
    try (DynamoDbClient client = DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().build())
        .region(Region.of(env.get("AWS_REGION")))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))))
        .endpointOverride(URI.create(env.get("DYNAMODB_ENDPOINT")))
        .build()) {
      boolean found = client.getItem(b -> b.tableName(table)
          .key(Map.of("pk", AttributeValue.fromS("bench"), "sk", AttributeValue.fromS("bench")))).hasItem();
      return "GetItem " + (found ? "found" : "no item");
    }
  }
}
