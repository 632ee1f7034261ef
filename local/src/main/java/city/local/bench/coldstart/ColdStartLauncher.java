package city.local.bench.coldstart;

import city.local.lambda.HandlerInput;
import city.platform.Json;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>For a handler the line carries {@code init=N} too, the milliseconds from spawning to the end of the constructor.
 * System properties (in {@code JAVA_TOOL_OPTIONS}) select the bench's variants: {@value #PRELOAD} names a file of
 * class names that a second thread loads (without initialising them) while the main thread starts the handler;
 * {@value #WIRING} adds a {@value #WIRING_LINE} line naming the platform's clients the constructor built and the
 * services the invocation called ({@link RequestRecorder} must be among the clients' interceptors).
 */
public final class ColdStartLauncher {
  static final String LINE = "COLDSTART";
  static final String WIRING_LINE = "COLDSTART-WIRING";
  static final String PRELOAD = "coldstart.preload";
  static final String WIRING = "coldstart.wiring";
  private static final List<String> PLATFORM_CLIENTS = List.of("dynamoDb", "iotData", "eventBridge");
  private static long initMillis = -1;

  private ColdStartLauncher() {}

  public static void main(String[] args) throws Exception {
    long spawnedAt = Long.parseLong(args[1]);
    Optional.ofNullable(System.getProperty(PRELOAD)).map(Path::of).ifPresent(ColdStartLauncher::preloadInBackground);
    String answer;
    try {
      answer = switch (args[0]) {
        case "hello" -> "hello world";
        case "sdk" -> sdkGetItem(args[2]);
        case "handler" -> invokeOnce(args[2], Path.of(args[3]), spawnedAt);
        default -> throw new IllegalArgumentException("unknown mode " + args[0]);
      };
    } catch (Exception e) {
      answer = "error " + e;
    }
    long millis = System.currentTimeMillis() - spawnedAt;
    System.out.println(LINE + " ms=" + millis + (initMillis < 0 ? "" : " init=" + initMillis) + " answer="
        + answer.replace('\n', ' '));
    System.out.flush();
    // A handler may leave client threads behind; Lambda freezes the environment, here the process ends.
    System.exit(0);
  }

  /** The no-arg constructor (Lambda's init phase), the event converted to the handler's input type, one call. */
  @SuppressWarnings("unchecked")
  private static String invokeOnce(String handlerClass, Path eventFile, long spawnedAt) throws Exception {
    Class<?> type = Class.forName(handlerClass);
    RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) type.getDeclaredConstructor().newInstance();
    initMillis = System.currentTimeMillis() - spawnedAt;
    List<String> builtInInit = Boolean.getBoolean(WIRING) ? builtClients() : List.of();
    Object input = Json.MAPPER.convertValue(Json.MAPPER.readTree(Files.readString(eventFile)), HandlerInput.typeOf(type));
    Object result = handler.handleRequest(input, new LaunchContext(type.getSimpleName()));
    if (Boolean.getBoolean(WIRING)) {
      System.out.println(WIRING_LINE + " built=" + String.join(",", builtInInit) + " called="
          + String.join(",", RequestRecorder.services()));
    }
    if (result instanceof APIGatewayV2HTTPResponse response) {
      return "HTTP " + response.getStatusCode();
    }
    String text = String.valueOf(result);
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  /** Which of the platform's shared clients exist now (AwsClients builds each on its first use). */
  private static List<String> builtClients() throws ReflectiveOperationException {
    Class<?> clients = Class.forName("city.platform.AwsClients");
    List<String> built = new ArrayList<>();
    for (String name : PLATFORM_CLIENTS) {
      Field field = clients.getDeclaredField(name);
      field.setAccessible(true);
      if (field.get(null) != null) {
        built.add(name);
      }
    }
    return built;
  }

  /** Loads the listed classes on a daemon thread; a class that cannot load here is left for its first use. */
  private static void preloadInBackground(Path classList) {
    Thread preloader = new Thread(() -> {
      ClassLoader loader = ColdStartLauncher.class.getClassLoader();
      try {
        for (String name : Files.readAllLines(classList)) {
          try {
            Class.forName(name, false, loader);
          } catch (ClassNotFoundException | LinkageError e) {
            // generated or platform-internal: the main thread loads what it needs itself
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "preload");
    preloader.setDaemon(true);
    preloader.start();
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
