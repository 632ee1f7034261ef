package city.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.auth.Jwt;
import city.local.auth.SigningKey;
import city.local.dynamodb.LocalDynamoDb;
import city.local.mqtt.ThingPolicy;
import city.platform.DeadLetter;
import city.platform.DynamoDeadLetterStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real {@code kill -9} of the twin's JVM in the middle of a stream of QoS 1 parking readings: every message
 * the broker acknowledged is handled after the restart exactly as in a run without the kill (spaces, bills,
 * dead letters), and dynalite dies with its parent. The publisher sends again what was never acknowledged, as
 * a device does after it reconnects.
 */
class TwinKillTest {
  private static final int SPACES = 20;
  private static final int READINGS_PER_SPACE = 20;
  private static final int KILL_AFTER_ACKS = 150;
  private static final int WINDOW = 32;
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final Pattern MQTT = Pattern.compile("MQTT broker +tcp://127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern HTTP = Pattern.compile("HTTP API +(http://127\\.0\\.0\\.1:\\d+)");
  private static final Pattern DYNAMODB = Pattern.compile("DynamoDB +(http://127\\.0\\.0\\.1:\\d+)");
  private static final Pattern OPERATOR = Pattern.compile("MQTT operator +user \\S+, password (\\S+)");
  private static final HttpClient HTTP_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** Schedules far away, so no settlement runs in one twin and not in the other. */
  private static final List<String> QUIET_SCHEDULES = List.of("--schedule", "parking_settlement=24h",
      "--schedule", "dispatch_sweep=24h", "--schedule", "bikeshare_plan=24h");

  @TempDir
  Path killed;
  @TempDir
  Path reference;

  record Message(String topic, byte[] payload) {}

  @Test
  void everyAcknowledgedMessageIsHandledAfterAKillAsIfNothingHappened() throws Exception {
    List<Message> stream = stream();
    Snapshot expected;
    try (Twin twin = Twin.start(TwinOptions.inMemory().withDataDir(Optional.of(reference))
        .withSchedulePeriod("parking_settlement", Duration.ofDays(1))
        .withSchedulePeriod("dispatch_sweep", Duration.ofDays(1))
        .withSchedulePeriod("bikeshare_plan", Duration.ofDays(1)))) {
      Endpoints endpoints = new Endpoints(twin.mqttPort(), twin.httpEndpoint(), twin.dynamoDbEndpoint(),
          twin.mqttOperatorPassword(), reference);
      Outcome all = publish(endpoints, stream, Integer.MAX_VALUE, () -> { });
      assertEquals(stream.size(), all.acknowledged().size(), "without a kill every message is acknowledged");
      assertTrue(twin.awaitIdle(WAIT));
      expected = snapshot(endpoints);
      assertTrue(expected.deadLetters().size() == stream.size() / 40 && !expected.sessions().isEmpty(), "the reference: " + expected);
    }

    ChildTwin first = ChildTwin.start(killed);
    List<ProcessHandle> children = first.process.descendants().toList();
    assertTrue(children.stream().anyMatch(p -> p.info().command().orElse("").contains("node")), "dynalite runs: " + children);
    Outcome beforeKill = publish(first.endpoints, stream, KILL_AFTER_ACKS, first::kill);
    assertTrue(beforeKill.acknowledged().size() >= KILL_AFTER_ACKS && beforeKill.acknowledged().size() < stream.size(),
        "killed mid-stream after " + beforeKill.acknowledged().size() + " acknowledgements");
    for (ProcessHandle child : children) {
      Eventually.await("dynalite (pid " + child.pid() + ") dies with the killed twin", Duration.ofSeconds(30),
          child::isAlive, alive -> !alive);
    }

    try (ChildTwin second = ChildTwin.start(killed)) {
      List<Message> unacknowledged = new ArrayList<>();
      for (int i = 0; i < stream.size(); i++) {
        if (!beforeKill.acknowledged().contains(i)) {
          unacknowledged.add(stream.get(i));
        }
      }
      Outcome rest = publish(second.endpoints, unacknowledged, Integer.MAX_VALUE, () -> { });
      assertEquals(unacknowledged.size(), rest.acknowledged().size());
      Snapshot actual = Eventually.await("the killed run settles like the reference", WAIT, () -> snapshot(second.endpoints),
          s -> s.equals(expected));
      assertEquals(expected, actual);
      System.out.printf("kill -9 test: %d acknowledged before the kill, %d sent again after it, %d handled in all%n",
          beforeKill.acknowledged().size(), unacknowledged.size(), stream.size());
    }
  }

  /** Round robin over the spaces, each alternating occupied and free (ending free), one malformed reading in 40. */
  private static List<Message> stream() {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.HOURS).minusHours(READINGS_PER_SPACE);
    List<Message> stream = new ArrayList<>();
    for (int reading = 1; reading <= READINGS_PER_SPACE; reading++) {
      for (int space = 1; space <= SPACES; space++) {
        String topic = "parking/spaces/" + spaceId(space) + "/occupancy";
        OffsetDateTime ts = start.plusMinutes(reading * 47L + space);
        String payload = stream.size() % 40 == 39
            ? "{\"occupied\": tru, \"n\": " + stream.size() + "}"
            : "{\"occupied\": " + (reading % 2 == 1) + ", \"ts\": \"" + ts + "\", \"seq\": " + reading + "}";
        stream.add(new Message(topic, payload.getBytes(StandardCharsets.UTF_8)));
      }
    }
    return stream;
  }

  private static String spaceId(int n) {
    return "S" + n;
  }

  record Outcome(Set<Integer> acknowledged) {}

  /** Where a twin listens, and how the test gets in. */
  record Endpoints(int mqttPort, URI http, URI dynamoDb, String operatorPassword, Path data) {
    String opsToken() {
      return new Jwt(SigningKey.forDataDir(data), Clock.systemUTC()).issue("kill-test", "ops", List.of(), Jwt.DEFAULT_LIFETIME);
    }
  }

  /** Publishes in order with QoS 1 and a window of unacknowledged messages; kills the twin after {@code killAfter} acks. */
  private static Outcome publish(Endpoints twin, List<Message> messages, int killAfter, Runnable kill) throws Exception {
    MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + twin.mqttPort(), "kill-test", new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(2 * WINDOW);
    options.setUserName(ThingPolicy.OPERATOR);
    options.setPassword(twin.operatorPassword().toCharArray());
    client.connect(options).waitForCompletion(10_000);
    Map<Integer, IMqttDeliveryToken> tokens = new TreeMap<>();
    Deque<IMqttDeliveryToken> window = new ArrayDeque<>();
    int acks = 0;
    try {
      for (int i = 0; i < messages.size(); i++) {
        if (window.size() >= WINDOW) {
          window.removeFirst().waitForCompletion(30_000);
          acks++;
        }
        if (acks >= killAfter) {
          kill.run();
          break;
        }
        MqttMessage message = new MqttMessage(messages.get(i).payload());
        message.setQos(1);
        IMqttDeliveryToken token = client.publish(messages.get(i).topic(), message);
        tokens.put(i, token);
        window.addLast(token);
      }
      for (IMqttDeliveryToken token : window) {
        try {
          token.waitForCompletion(30_000);
        } catch (MqttException lostWithTheTwin) {
          // not acknowledged: sent again after the restart
        }
      }
    } finally {
      try {
        if (client.isConnected()) {
          client.disconnect().waitForCompletion(5_000);
        }
      } catch (MqttException alreadyGone) {
        // the twin was killed
      }
      client.close(true);
    }
    Set<Integer> acknowledged = new TreeSet<>();
    tokens.forEach((i, token) -> {
      if (token.isComplete() && token.getException() == null) {
        acknowledged.add(i);
      }
    });
    return new Outcome(acknowledged);
  }

  /** What the city knows: each space, its sessions with their bills, and the dead letters. */
  record Snapshot(Map<String, String> spaces, Map<String, String> sessions, Set<String> deadLetters) {}

  private static Snapshot snapshot(Endpoints twin) {
    String token = twin.opsToken();
    Map<String, String> spaces = new TreeMap<>();
    Map<String, String> sessions = new TreeMap<>();
    for (int space = 1; space <= SPACES; space++) {
      String id = spaceId(space);
      JsonNode state = city.platform.Json.parse(get(twin.http().resolve("/parking/spaces/" + id), null));
      spaces.put(id, state.toString());
      com.fasterxml.jackson.databind.node.ObjectNode listed = (com.fasterxml.jackson.databind.node.ObjectNode)
          city.platform.Json.parse(get(twin.http().resolve("/ops/parking/spaces/" + id + "/sessions"), token));
      // the window asked about moves with the clock; the sessions in it are what must match
      sessions.put(id, listed.path("sessions").toString());
    }
    Set<String> letters = new TreeSet<>();
    try (DynamoDbClient dynamoDb = LocalDynamoDb.client(twin.dynamoDb(), "cn-north-1")) {
      for (DeadLetter letter : new DynamoDeadLetterStore(dynamoDb, "Platform", Clock.systemUTC()).recent(1000)) {
        // a message journaled but never acknowledged is sent again and arrives later: the same letter, another time
        letters.add(letter.topic() + " | " + letter.reason() + " | " + letter.payload());
      }
    }
    return new Snapshot(spaces, sessions, letters);
  }

  private static String get(URI uri, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = HTTP_CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code ./city up} in a JVM of its own, on a data folder, on free ports. */
  private static final class ChildTwin implements AutoCloseable {
    final Process process;
    final Endpoints endpoints;

    private ChildTwin(Process process, Endpoints endpoints) {
      this.process = process;
      this.endpoints = endpoints;
    }

    static ChildTwin start(Path data) throws Exception {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "city.local.Cli", "up",
          "--data", data.toString(), "--mqtt-port", "0", "--http-port", "0"));
      command.addAll(QUIET_SCHEDULES);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      Deque<String> output = new ArrayDeque<>();
      CompletableFuture<Map<Pattern, String>> up = new CompletableFuture<>();
      Thread reader = new Thread(() -> read(process, output, up), "child-twin-output");
      reader.setDaemon(true);
      reader.start();
      try {
        Map<Pattern, String> found = up.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new ChildTwin(process, new Endpoints(Integer.parseInt(found.get(MQTT)), URI.create(found.get(HTTP)),
            URI.create(found.get(DYNAMODB)), found.get(OPERATOR), data));
      } catch (Exception e) {
        process.destroyForcibly();
        synchronized (output) {
          throw new AssertionError("the child twin did not start: " + e + "\n" + String.join("\n", output), e);
        }
      }
    }

    private static void read(Process process, Deque<String> output, CompletableFuture<Map<Pattern, String>> up) {
      Map<Pattern, String> found = new java.util.HashMap<>();
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          synchronized (output) {
            output.addLast(line);
            if (output.size() > 200) {
              output.removeFirst();
            }
          }
          for (Pattern pattern : List.of(MQTT, HTTP, DYNAMODB, OPERATOR)) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
              found.put(pattern, matcher.group(1));
            }
          }
          if (found.size() == 4) {
            up.complete(Map.copyOf(found));
          }
        }
      } catch (IOException closed) {
        // the child is gone
      }
      up.completeExceptionally(new IllegalStateException("the child twin exited"));
    }

    /** SIGKILL: no shutdown hook, no drain, no close. */
    void kill() {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() throws Exception {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
  }
}
