package city.local.bench.pipeline;

import city.catalog.Catalog;
import city.local.mqtt.ThingPolicy;
import city.local.Twin;
import city.local.TwinOptions;
import city.local.bench.BenchArgs;
import city.local.bench.Benchmark;
import city.local.bench.Samples;
import city.local.bench.TextTable;
import city.local.bench.pipeline.MixedStream.Kind;
import city.local.bench.pipeline.MixedStream.Message;
import city.local.profile.FunctionUsage;
import city.local.profile.MeteringInterceptor;
import city.local.profile.UsageMeter;
import city.platform.AwsClients;
import city.platform.City;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * {@code ./city bench pipeline [--messages N] [--seed S] [--json]}: a seeded mix of device messages published
 * over MQTT (QoS 1) into an in-memory twin; messages per second from the first publish until the twin is idle,
 * publish-to-visible latency of sampled occupancy changes (polling {@code GET /parking/spaces/{id}}), request
 * units per invocation of each function from dynalite's consumed capacity; and, in the same run, dynalite's
 * raw rate of single-item conditional puts from one client, of which the pipeline's rate is a fraction.
 */
public final class PipelineBench implements Benchmark {
  static final Set<String> OPTIONS = Set.of("--messages", "--seed");
  static final Set<String> SWITCHES = Set.of("--json");
  /** The target for the pipeline's rate as a share of dynalite's raw conditional-put rate. */
  static final double TARGET_FRACTION = 0.5;
  /** Publishes awaiting their PUBACK at once; Paho's own window is twice as wide, as it frees a slot after the token completes. */
  static final int PUBLISH_WINDOW = 64;
  /** One occupancy message in this many is followed until its state is visible. */
  static final int SAMPLE_EVERY = 10;
  /** Under load the twin runs far behind the publisher: a change may take this long to show, and it is still measured. */
  static final Duration VISIBLE_WITHIN = Duration.ofSeconds(120);
  /** The latency's resolution; finer polling would load the twin it measures. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(20);
  /** The function each message kind's topic rule invokes (the catalog's rules, by the kind's topic). */
  static final Map<Kind, String> FUNCTION = Map.of(Kind.OCCUPANCY, "ParkingOccupancy", Kind.PLATE_READ, "ParkingPlates",
      Kind.ALERT, "DispatchAlerts", Kind.UNIT_STATUS, "DispatchUnitStatus", Kind.STATION_STATUS, "BikeshareStationStatus");
  /** The function behind {@code GET /parking/spaces/{id}}: the latency polls' requests, not the messages'. */
  static final String POLLED_FUNCTION = "ParkingApi";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What one run measured. */
  record Result(int messages, long seed, double pipelineMillis, Samples visibleMillis, int notVisible,
      double rawPutsPerSecond, Map<Kind, Integer> sent, Map<String, FunctionUsage.Totals> usage) {
    double messagesPerSecond() {
      return messages * 1000.0 / pipelineMillis;
    }

    double fractionOfRaw() {
      return messagesPerSecond() / rawPutsPerSecond;
    }
  }

  @Override
  public String name() {
    return "pipeline";
  }

  @Override
  public String usage() {
    return "[--messages N] [--seed S] [--json]";
  }

  @Override
  public void run(String[] args) throws Exception {
    BenchArgs parsed = BenchArgs.parse(args, OPTIONS, SWITCHES);
    int messages = parsed.positiveInt("--messages", 2000);
    long seed = parsed.anyLong("--seed", 1);
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    Result result = measure(messages, seed);
    if (parsed.flag("--json")) {
      System.out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(result)));
    } else {
      System.out.print(report(result));
    }
    System.exit(0);
  }

  static Result measure(int count, long seed) throws Exception {
    UsageMeter meter = new UsageMeter();
    // the functions' SDK clients take the meter's interceptor from the configuration their handlers read
    System.setProperty(AwsClients.SDK_INTERCEPTORS, MeteringInterceptor.class.getName());
    try (Twin twin = Twin.start(TwinOptions.inMemory().withInvocationObserver(meter))) {
      City city = City.load(TwinOptions.inMemory().cityFile(), Catalog.standard().modules());
      OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minus(MixedStream.STEP.multipliedBy(count + 60L));
      List<Message> stream = MixedStream.generate(city.devices(), count, seed, start);
      Map<Kind, Integer> sent = new EnumMap<>(Kind.class);
      stream.forEach(m -> sent.merge(m.kind(), 1, Integer::sum));

      List<Double> visible = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger notVisible = new AtomicInteger();
      // a thread per sample: a sample queued behind another would count the queue's wait as the twin's latency
      ExecutorService samplers = Executors.newCachedThreadPool();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      MqttAsyncClient mqtt = new MqttAsyncClient("tcp://127.0.0.1:" + twin.mqttPort(), "bench-pipeline", new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setMaxInflight(2 * PUBLISH_WINDOW);
      // one client publishes for every device of the stream: the twin's operator may, a thing may not
      options.setUserName(ThingPolicy.OPERATOR);
      options.setPassword(twin.mqttOperatorPassword().toCharArray());
      mqtt.connect(options).waitForCompletion(10_000);

      long firstPublish = System.nanoTime();
      ArrayDeque<IMqttDeliveryToken> inFlight = new ArrayDeque<>();
      int occupancySeen = 0;
      for (Message message : stream) {
        if (inFlight.size() >= PUBLISH_WINDOW) {
          inFlight.removeFirst().waitForCompletion(30_000);
        }
        MqttMessage mqttMessage = new MqttMessage(message.payload());
        mqttMessage.setQos(1);
        long publishedAt = System.nanoTime();
        inFlight.addLast(mqtt.publish(message.topic(), mqttMessage));
        if (message.kind() == Kind.OCCUPANCY && occupancySeen++ % SAMPLE_EVERY == 0) {
          URI space = twin.httpEndpoint().resolve("/parking/spaces/" + message.spaceId());
          samplers.submit(() -> awaitVisible(http, space, message, publishedAt, visible, notVisible));
        }
      }
      for (IMqttDeliveryToken token : inFlight) {
        token.waitForCompletion(30_000);
      }
      if (!twin.awaitIdle(Duration.ofMinutes(10))) {
        throw new IllegalStateException("the twin did not become idle within 10 minutes");
      }
      double pipelineMillis = (System.nanoTime() - firstPublish) / 1e6;
      samplers.shutdown();
      samplers.awaitTermination(VISIBLE_WITHIN.toSeconds() + 5, TimeUnit.SECONDS);
      mqtt.disconnect().waitForCompletion(5_000);
      mqtt.close();
      Map<String, FunctionUsage.Totals> usage = meter.totals();
      double rawRate = RawPutRate.measure(twin.dynamoDbEndpoint(), count);
      return new Result(count, seed, pipelineMillis, visible.isEmpty() ? null : Samples.of(visible), notVisible.get(),
          rawRate, sent, usage);
    } finally {
      System.clearProperty(AwsClients.SDK_INTERCEPTORS);
    }
  }

  /** Polls the space until its {@code since} has reached the message's device time (or a later change's). */
  private static void awaitVisible(HttpClient http, URI space, Message message, long publishedAt, List<Double> visible,
      AtomicInteger notVisible) {
    long deadline = publishedAt + VISIBLE_WITHIN.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(space).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          JsonNode body = MAPPER.readTree(response.body());
          String since = body.path("since").asText("");
          if (!since.isEmpty() && !OffsetDateTime.parse(since).isBefore(message.ts())) {
            visible.add((System.nanoTime() - publishedAt) / 1e6);
            return;
          }
        }
        Thread.sleep(POLL_INTERVAL.toMillis());
      }
    } catch (Exception e) {
      // counted below like a change that never showed
    }
    notVisible.incrementAndGet();
  }

  static String report(Result result) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "pipeline: %d messages (seed %d) over MQTT QoS 1 into an in-memory twin; "
        + "first publish to idle (includes the twin's %d ms quiet period)%n", result.messages(), result.seed(),
        Twin.QUIET_PERIOD.toMillis()));
    TextTable rates = new TextTable("figure", "value");
    rates.row("pipeline messages/s", String.format(Locale.ROOT, "%.1f", result.messagesPerSecond()));
    rates.row("dynalite conditional puts/s (one client)", String.format(Locale.ROOT, "%.1f", result.rawPutsPerSecond()));
    rates.row("pipeline / raw (target >= " + TARGET_FRACTION + ")", String.format(Locale.ROOT, "%.3f %s",
        result.fractionOfRaw(), result.fractionOfRaw() >= TARGET_FRACTION ? "met" : "missed"));
    if (result.visibleMillis() != null) {
      rates.row("occupancy publish-to-visible p50 ms", String.format(Locale.ROOT, "%.0f", result.visibleMillis().median()));
      rates.row("occupancy publish-to-visible p99 ms", String.format(Locale.ROOT, "%.0f", result.visibleMillis().percentile(99)));
      rates.row("occupancy samples (1 in " + SAMPLE_EVERY + ", polled every " + POLL_INTERVAL.toMillis() + " ms)",
          Integer.toString(result.visibleMillis().count()));
    }
    rates.row("samples not visible within " + VISIBLE_WITHIN.toSeconds() + " s", Integer.toString(result.notVisible()));
    out.append(rates.render());
    out.append(String.format(Locale.ROOT, "%nrequest units per invocation (dynalite's consumed capacity, plus refused "
        + "conditional writes and index writes as the profile bench counts them)%n"));
    out.append(usageTable(result).render());
    double requests = requestsPerMessage(result);
    out.append(String.format(Locale.ROOT, "DynamoDB requests per message sent: %.2f (one after another at the raw rate, "
        + "they alone would allow %.2f of it; the twin overlaps some)%n", requests, 1 / requests));
    return out.toString();
  }

  static TextTable usageTable(Result result) {
    TextTable table = new TextTable("function", "message", "sent", "invocations", "DynamoDB requests/inv", "RRU/inv",
        "WRU/inv", "handler p50 ms");
    Map<String, Kind> kindOf = new LinkedHashMap<>();
    FUNCTION.forEach((kind, function) -> kindOf.put(function, kind));
    result.usage().forEach((function, totals) -> {
      Kind kind = kindOf.get(function);
      double n = Math.max(1, totals.invocations());
      table.row(function, kind == null ? "(not a message: polls, schedules)" : kind.name().toLowerCase(Locale.ROOT),
          kind == null ? "-" : result.sent().getOrDefault(kind, 0), totals.invocations(),
          String.format(Locale.ROOT, "%.2f", totals.dynamoDbRequests() / n), String.format(Locale.ROOT, "%.2f", totals.readUnits() / n), String.format(Locale.ROOT, "%.2f", totals.writeUnits() / n),
          String.format(Locale.ROOT, "%.1f", totals.medianHandlerNanos() / 1e6));
    });
    return table;
  }

  /** Every DynamoDB request the messages caused (their functions' and those they triggered), per message sent. */
  static double requestsPerMessage(Result result) {
    long requests = result.usage().entrySet().stream().filter(e -> !e.getKey().equals(POLLED_FUNCTION))
        .mapToLong(e -> e.getValue().dynamoDbRequests()).sum();
    return requests / (double) result.messages();
  }

  private static Map<String, Object> json(Result result) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("messages", result.messages());
    out.put("seed", result.seed());
    out.put("pipelineMillis", result.pipelineMillis());
    out.put("messagesPerSecond", result.messagesPerSecond());
    out.put("rawConditionalPutsPerSecond", result.rawPutsPerSecond());
    out.put("fractionOfRaw", result.fractionOfRaw());
    out.put("targetFraction", TARGET_FRACTION);
    if (result.visibleMillis() != null) {
      out.put("occupancyVisibleP50Millis", result.visibleMillis().median());
      out.put("occupancyVisibleP99Millis", result.visibleMillis().percentile(99));
      out.put("occupancySamples", result.visibleMillis().count());
    }
    out.put("occupancyNotVisible", result.notVisible());
    out.put("dynamoDbRequestsPerMessage", requestsPerMessage(result));
    Map<String, Object> functions = new LinkedHashMap<>();
    result.usage().forEach((function, totals) -> functions.put(function, Map.of("invocations", totals.invocations(),
        "dynamoDbRequests", totals.dynamoDbRequests(), "readUnits", totals.readUnits(), "writeUnits", totals.writeUnits(), "medianHandlerMillis", totals.medianHandlerNanos() / 1e6)));
    out.put("functions", functions);
    return out;
  }
}
