package city.local.demo.parking;

import city.local.demo.DemoContext;
import city.local.demo.TwinHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Citizens paying in the app: each signs in with a token carrying their plate, lists their sessions
 * ({@code GET /parking/sessions}) and pays every unpaid one its amount due under an Idempotency-Key. Some
 * tap "pay" twice: the retry with the same key must get the same receipt, and nobody is charged twice.
 */
final class CitizenPayments {
  private static final double RETRY_SHARE = 0.25;

  private final TwinHttp http;
  private final DemoContext.CitizenTokens tokens;
  private final Random random;
  private final long seed;
  private final AtomicInteger citizens = new AtomicInteger();
  private final AtomicInteger payments = new AtomicInteger();
  private final AtomicLong paidFen = new AtomicLong();
  private final AtomicInteger retries = new AtomicInteger();
  private final AtomicInteger sameReceipt = new AtomicInteger();
  private final List<String> refusals = new ArrayList<>();

  CitizenPayments(TwinHttp http, DemoContext.CitizenTokens tokens, long seed) {
    this.http = http;
    this.tokens = tokens;
    this.random = new Random(seed * 31 + 5);
    this.seed = seed;
  }

  /**
   * The owners of about {@code share} of the plates, in random order, pay what they owe; while nobody has
   * paid anything yet, the next owner pays too, so a run where anything is owed shows at least one payment.
   *
   * @return how many sessions were paid
   */
  synchronized int payShare(List<String> plates, double share) {
    List<String> owners = new ArrayList<>(plates);
    Collections.shuffle(owners, random);
    int paid = 0;
    for (String plate : owners) {
      if (random.nextDouble() < share || paid == 0) {
        paid += payAll(plate);
      }
    }
    return paid;
  }

  synchronized ParkingFigures.Payments tally() {
    return new ParkingFigures.Payments(citizens.get(), payments.get(), paidFen.get(), retries.get(), sameReceipt.get(), List.copyOf(refusals));
  }

  int payments() {
    return payments.get();
  }

  private int payAll(String plate) {
    int citizen = citizens.incrementAndGet();
    String token = tokens.issue("citizen-" + citizen, List.of(plate));
    JsonNode sessions = http.get("/parking/sessions", token).require().path("sessions");
    int paid = 0;
    for (JsonNode session : sessions) {
      long due = session.path("amountDue").asLong();
      if (!"unpaid".equals(session.path("status").asText()) || due <= 0) {
        continue;
      }
      String sessionId = session.path("sessionId").asText();
      String key = "demo-" + seed + "-" + sessionId;
      String path = "/parking/sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8) + "/payments";
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("amount", due);
      TwinHttp.Reply first = http.postJson(path, token, body, Map.of("Idempotency-Key", key));
      if (first.status() != 201) {
        refusals.add(plate + " " + sessionId + ": " + first.status() + " " + first.body().path("error").asText(first.text()));
        continue;
      }
      payments.incrementAndGet();
      paidFen.addAndGet(due);
      paid++;
      if (random.nextDouble() < RETRY_SHARE) {
        retries.incrementAndGet();
        TwinHttp.Reply again = http.postJson(path, token, body, Map.of("Idempotency-Key", key));
        if (again.status() == 201
            && again.body().path("paymentId").asText().equals(first.body().path("paymentId").asText())) {
          sameReceipt.incrementAndGet();
        } else {
          refusals.add(plate + " " + sessionId + " retry: " + again.status() + " " + again.text());
        }
      }
    }
    return paid;
  }
}
