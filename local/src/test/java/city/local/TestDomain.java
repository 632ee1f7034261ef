package city.local;

import city.catalog.Access;
import city.catalog.CityModule;
import city.catalog.DeviceClass;
import city.catalog.Domain;
import city.catalog.EventRule;
import city.catalog.FunctionSpec;
import city.catalog.HttpRoute;
import city.catalog.Schedule;
import city.catalog.TopicRule;
import java.time.Duration;
import java.util.List;

/** Test functions and triggers added to the catalog's, to exercise the twin without domain code. */
final class TestDomain implements CityModule {
  /** The test rules' publishers: any client may publish on test topics. */
  static final DeviceClass TEST_DEVICE = new DeviceClass("test");
  static final String RECORD_RULE = "test_record";
  static final String FAIL_RULE = "test_fail";
  static final String SLOW_RULE = "test_slow";
  static final String FAIL_ONCE_RULE = "test_fail_once";
  static final String TICK = "test_tick";
  static final String EVENT_SOURCE = "city.test";
  static final String FAILING_EVENT = "Always Fails";

  @Override
  public List<DeviceClass> deviceClasses() {
    return List.of(TEST_DEVICE);
  }

  @Override
  public Domain declarations() {
    return new Domain("test",
        List.of(),
        List.of(
            function("Recorder", RecordingHandler.class, 4),
            function("SlowRecorder", RecordingHandler.class, 2),
            function("Failing", FailingHandler.class, 2),
            function("FailOnce", FailOnceHandler.class, 2),
            function("Echo", EchoHandler.class, 4),
            function("Sneaky", SneakyHandler.class, 2)),
        List.of(
            new TopicRule(RECORD_RULE, "SELECT *, topic(2) AS id, topic() AS topic, timestamp() AS at FROM 'test/+/record' WHERE n > 0",
                "Recorder", "test", "records events with a positive n"),
            new TopicRule(SLOW_RULE, "SELECT *, topic(2) AS id FROM 'test/+/slow'", "SlowRecorder", "test", "slow handler"),
            new TopicRule(FAIL_ONCE_RULE, "SELECT *, topic(2) AS id FROM 'test/+/flaky'", "FailOnce", "test", "succeeds on retry"),
            new TopicRule(FAIL_RULE, "SELECT encode(*, 'base64') AS payload, topic() AS topic, topic(2) AS deviceId,"
                + " timestamp() AS receivedAt FROM 'test/+/fail'", "Failing", "test", "always fails"),
            new TopicRule("test_sneaky", "SELECT topic(2) AS deviceId FROM 'test/+/sneaky'", "Sneaky", "test", "throws a checked exception")),
        List.of(
            new HttpRoute("GET", "/test/echo/{id}", "Echo", Access.PUBLIC),
            new HttpRoute("POST", "/test/echo/{id}", "Echo", Access.PUBLIC),
            new HttpRoute("GET", "/test/echo/fixed", "Echo", Access.PUBLIC),
            new HttpRoute("GET", "/test/mine", "Echo", Access.CITIZEN),
            new HttpRoute("POST", "/test/mine", "Echo", Access.CITIZEN),
            new HttpRoute("GET", "/test/sneaky", "Sneaky", Access.PUBLIC)),
        List.of(new Schedule(TICK, "Recorder", Duration.ofMinutes(15), "TEST_TICK_PERIOD")))
        .withEvents(List.of(), List.of(new EventRule("test_event_fail",
            "{\"source\": [\"" + EVENT_SOURCE + "\"], \"detail-type\": [\"" + FAILING_EVENT + "\"]}", "Failing",
            "an event whose target always fails")));
  }

  private static FunctionSpec function(String id, Class<?> handler, int concurrency) {
    return new FunctionSpec(id, handler.getName(), 256, 10, concurrency, List.of(), List.of(), "test");
  }
}
