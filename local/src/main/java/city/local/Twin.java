package city.local;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import city.catalog.Schedule;
import city.catalog.TableSpec;
import city.local.auth.Jwt;
import city.local.auth.OidcIssuerTokens;
import city.local.auth.SigningKey;
import city.local.auth.TokenVerifier;
import city.local.delivery.FileJournal;
import city.local.delivery.Journal;
import city.local.dynamodb.Dynalite;
import city.local.dynamodb.LocalDynamoDb;
import city.local.dynamodb.TableCreator;
import city.local.events.EventRouter;
import city.local.events.PutEventsEndpoint;
import city.local.events.TwinEventBus;
import city.local.faults.FaultInjector;
import city.local.faults.FaultPlan;
import city.local.http.AllowedOrigins;
import city.local.http.HttpGateway;
import city.local.http.HttpLimits;
import city.local.http.IotDataEndpoint;
import city.local.iot.InboundMessage;
import city.local.iot.RuleRouter;
import city.local.lambda.AsyncInvoker;
import city.local.lambda.FunctionPool;
import city.local.mqtt.MqttBroker;
import city.local.mqtt.OperatorSecret;
import city.local.mqtt.ThingPolicy;
import city.local.schedule.SchedulePeriods;
import city.local.schedule.Scheduler;
import city.platform.AwsClients;
import city.platform.City;
import city.platform.Config;
import city.platform.DeadLetter;
import city.platform.DeadLetterStore;
import city.platform.DynamoDeadLetterStore;
import city.platform.EventBridgePublisher;
import city.platform.FunctionVariables;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole city on one machine: dynalite, the MQTT broker with the rules engine, the functions, the HTTP
 * API, the IoT data-plane endpoint, the city event bus (PutEvents, matched by event-ruler) and the schedules.
 * {@link #close()} (also run on Ctrl-C / SIGTERM) stops in the order that loses nothing: schedules, MQTT intake,
 * routing of what was accepted, in-flight invocations drained, HTTP, the journal, DynamoDB. With a data folder every
 * acknowledged message is journaled before its PUBACK and what a stop or a crash left unfinished resumes on the
 * next start.
 *
 * <p>Each function gets its own environment, as CDK sets it ({@link Config#useEnvironment}); the twin's
 * own settings (a system property or two, the handlers' class loaders' state) are JVM-wide: one twin runs
 * per JVM at a time.
 */
public final class Twin implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Twin.class);
  private static final AtomicBoolean RUNNING = new AtomicBoolean();
  /** How long the rules engine must have seen no new message for the twin to count as idle. */
  public static final Duration QUIET_PERIOD = Duration.ofMillis(100);

  private final TwinOptions options;
  private final Jwt jwt;
  private final String mqttOperatorPassword;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread shutdownHook = new Thread(this::close, "twin-shutdown");
  private Dynalite dynalite;
  private DynamoDbClient dynamoDb;
  private FunctionPool functions;
  /** Invocations of device messages and IoT data-plane publishes: what {@link #awaitIdle} waits for. */
  private AsyncInvoker invoker;
  /** Scheduled runs, kept apart: a timer never ends, so waiting for it would never be "idle". */
  private AsyncInvoker scheduledRuns;
  private DeadLetterStore deadLetters;
  private Journal journal;
  private Journal busJournal;
  private RuleActions ruleActions;
  private IotDataEndpoint iotData;
  private PutEventsEndpoint events;
  private String eventBusName;
  private List<String> eventPublishers;
  private volatile MqttBroker broker;
  private HttpGateway gateway;
  private Scheduler scheduler;
  private Optional<FaultPlan> faults = Optional.empty();
  private final Map<String, Optional<String>> previousProperties = new LinkedHashMap<>();
  private boolean stopped;

  private Twin(TwinOptions options) {
    this.options = options;
    byte[] key = options.dataDir().map(SigningKey::forDataDir).orElseGet(SigningKey::random);
    this.jwt = new Jwt(key, Clock.systemUTC());
    this.mqttOperatorPassword = OperatorSecret.derive(key);
  }

  public static Twin start(TwinOptions options) {
    if (!RUNNING.compareAndSet(false, true)) {
      throw new IllegalStateException("a twin is already running in this JVM (handler configuration is JVM-wide)");
    }
    Twin twin;
    try {
      twin = new Twin(options);
    } catch (RuntimeException e) {
      RUNNING.set(false);
      throw e;
    }
    try {
      twin.startParts();
      return twin;
    } catch (RuntimeException | Error e) {
      twin.close();
      throw e;
    }
  }

  private void startParts() {
    Path cityFile = options.cityFile().toAbsolutePath();
    City city = City.load(cityFile, options.catalog().modules());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    Catalog declared = options.catalog();
    faults = Optional.ofNullable(options.variables().get(FaultPlan.VARIABLE)).map(FaultPlan::parse);
    faults.ifPresent(plan -> {
      FaultPlan.activate(plan);
      LOG.warn("fault injection is on: {} (the functions' SDK calls fail at these rates)", plan);
    });

    dynalite = Dynalite.start(RepoRoot.find(), options.dataDir().map(d -> d.resolve("dynamodb")));
    dynamoDb = LocalDynamoDb.client(dynalite.endpoint(), AwsClients.DEFAULT_REGION);
    Map<String, String> tableNames = new LinkedHashMap<>();
    declared.tables().forEach(t -> tableNames.put(t.id(), t.id()));
    List<String> created = new TableCreator(dynamoDb).ensure(declared.tables(), tableNames);
    LOG.debug("tables created: {}", created);

    functions = new FunctionPool(declared.functions(), function -> environmentOf(function, cityFile, declared.tables()),
        options.invocationObserver());
    invoker = new AsyncInvoker(functions, options.retryDelays());
    scheduledRuns = new AsyncInvoker(functions, options.retryDelays());
    deadLetters = new DynamoDeadLetterStore(dynamoDb, platformTable(declared.tables()), Clock.systemUTC());
    journal = options.dataDir().<Journal>map(d -> FileJournal.open(d.resolve("journal"))).orElseGet(Journal::inMemory);
    ruleActions = new RuleActions(new RuleRouter(declared.rules(), declared.cloudToDeviceTopics()), invoker, deadLetters, journal);
    iotData = IotDataEndpoint.start(options.iotDataPort(), this::publishFromCloud);
    eventBusName = "city-" + city.id();
    eventPublishers = declared.eventPublishers();
    busJournal = options.dataDir().<Journal>map(d -> FileJournal.open(d.resolve("bus-journal"))).orElseGet(Journal::inMemory);
    TwinEventBus bus = new TwinEventBus(eventBusName, AwsClients.DEFAULT_REGION, new EventRouter(declared.eventRules()),
        invoker, busJournal, deadLetters);
    events = PutEventsEndpoint.start(0, bus);

    setProperty("aws.disableEc2Metadata", "true");
    bus.resume(busJournal.unfinished());
    ruleActions.resume(journal.unfinished());
    ThingPolicy policy = ThingPolicy.of(declared, city.devices(), mqttOperatorPassword);
    broker = MqttBroker.start(options.mqttPort(), options.dataDir().map(d -> d.resolve("mqtt")), policy, ruleActions);
    gateway = HttpGateway.start(options.httpPort(), HttpLimits.API_GATEWAY, AllowedOrigins.listedIn(city.section("twin")),
        declared.routes(), functions, tokenVerifier());
    Map<String, Duration> periods = SchedulePeriods.resolve(declared.schedules(), options.schedulePeriods());
    scheduler = new Scheduler(declared.schedules(), periods, options.scheduleClocks(), this::fireSchedule);
    LOG.info("twin of {} up: MQTT {}, HTTP API {}, IoT data {}, DynamoDB {}", city.name(), mqttPort(), httpPort(),
        iotDataPort(), dynamoDbEndpoint());
  }

  /** The twin's own key, and the OIDC provider's keys when it trusts one. */
  private TokenVerifier tokenVerifier() {
    return options.oidc().<TokenVerifier>map(provider -> TokenVerifier.anyOf(List.of(jwt, new OidcIssuerTokens(provider)))).orElse(jwt);
  }

  /**
   * Each function's environment, as CDK sets it on that function (its own tables only, by the same code),
   * plus the twin's endpoints and the options' variables. Only the SDK's metadata switch is JVM-wide;
   * {@link #close()} restores it.
   */
  private Map<String, String> environmentOf(FunctionSpec function, Path cityFile, List<TableSpec> tables) {
    Map<String, String> variables = new LinkedHashMap<>(FunctionVariables.tables(function, tables, tableId -> tableId));
    variables.put(AwsClients.DYNAMODB_ENDPOINT, dynalite.endpoint().toString());
    variables.put(AwsClients.IOT_DATA_ENDPOINT, "http://127.0.0.1:" + iotData.port());
    variables.put(AwsClients.EVENTS_ENDPOINT, eventsEndpoint().toString());
    if (eventPublishers.contains(function.id())) {
      variables.put(EventBridgePublisher.EVENT_BUS, eventBusName);
    }
    variables.put(AwsClients.LOCAL_TWIN, "true");
    if (function.servesWebFiles()) {
      // the checkout itself: an edited page is served at its next request, as CDK's layer holds the same folders
      variables.put(FunctionVariables.WEB_ROOT, RepoRoot.find().toString());
      options.oidc().ifPresent(provider -> {
        // the pages sign in where the gateway trusts tokens from, as CDK sets it from jwtIssuer and oidcClientId
        variables.put(FunctionVariables.OIDC_ISSUER, provider.issuer());
        variables.put(FunctionVariables.OIDC_CLIENT_ID, provider.clientId());
        variables.put(FunctionVariables.OIDC_SCOPE, provider.scope());
      });
    }
    variables.put(City.CITY_FILE, cityFile.toString());
    variables.put(AwsClients.REGION, Config.string(AwsClients.REGION, AwsClients.DEFAULT_REGION));
    variables.putAll(options.variables());
    if (faults.isPresent()) {
      String others = Optional.ofNullable(variables.get(AwsClients.SDK_INTERCEPTORS))
          .or(() -> Config.optional(AwsClients.SDK_INTERCEPTORS)).map(names -> names + ",").orElse("");
      variables.put(AwsClients.SDK_INTERCEPTORS, others + FaultInjector.class.getName());
    }
    return variables;
  }

  private void setProperty(String name, String value) {
    previousProperties.putIfAbsent(name, Optional.ofNullable(System.getProperty(name)));
    System.setProperty(name, value);
  }

  private void restoreProperties() {
    previousProperties.forEach((name, previous) -> {
      if (previous.isPresent()) {
        System.setProperty(name, previous.get());
      } else {
        System.clearProperty(name);
      }
    });
  }

  private static String platformTable(List<TableSpec> tables) {
    return tables.stream().filter(t -> t.envVar().equals(DynamoDeadLetterStore.TABLE_ENV)).map(TableSpec::id).findFirst()
        .orElseThrow(() -> new IllegalStateException("no table is declared for " + DynamoDeadLetterStore.TABLE_ENV));
  }

  /**
   * IoT data-plane Publish: to the devices through the broker, and through the rules like any message; it
   * answers once the rules engine has kept the message, as IoT Core answers once it has it.
   */
  private void publishFromCloud(String topic, byte[] payload, int qos, boolean retain) {
    MqttBroker current = broker;
    if (current != null) {
      current.publish(topic, payload, qos, retain);
    }
    ruleActions.accept(new InboundMessage(topic, payload, null, System.currentTimeMillis())).join();
  }

  private void fireSchedule(Schedule schedule, Map<String, Object> event) {
    scheduledRuns.invoke(schedule.functionId(), event, reason -> {
      try {
        deadLetters.record(new DeadLetter("schedule/" + schedule.name(), "", reason, Instant.now(), String.valueOf(event)));
      } catch (RuntimeException e) {
        LOG.error("could not keep the failed run of schedule {}: {}", schedule.name(), e.toString());
      }
    });
  }

  public int mqttPort() {
    return broker.port();
  }

  /**
   * The password of the twin-only MQTT operator (user name {@link ThingPolicy#OPERATOR}), which may publish
   * and subscribe anywhere with any client id; devices connect with their thing name and no password.
   */
  public String mqttOperatorPassword() {
    return mqttOperatorPassword;
  }

  public int httpPort() {
    return gateway.port();
  }

  public int iotDataPort() {
    return iotData.port();
  }

  public URI httpEndpoint() {
    return URI.create("http://127.0.0.1:" + httpPort());
  }

  /** The ops console's page. */
  public URI consoleUrl() {
    return URI.create(httpEndpoint() + "/console/");
  }

  /** The citizen web app's page. */
  public URI appUrl() {
    return URI.create(httpEndpoint() + "/app/");
  }

  public URI iotDataEndpoint() {
    return URI.create("http://127.0.0.1:" + iotDataPort());
  }

  public URI dynamoDbEndpoint() {
    return dynalite.endpoint();
  }

  public String eventBusName() {
    return eventBusName;
  }

  /** The city bus's PutEvents endpoint, where the functions' EventBridge client points. */
  public URI eventsEndpoint() {
    return URI.create("http://127.0.0.1:" + events.port());
  }

  public long dynalitePid() {
    return dynalite.pid();
  }

  public Optional<Path> dataDir() {
    return options.dataDir();
  }

  /** A bearer token this twin accepts, as the identity provider would issue it. */
  public String token(String subject, String role, List<String> plates) {
    return jwt.issue(subject, role, plates, Jwt.DEFAULT_LIFETIME);
  }

  /** The fault plan this twin injects ({@value FaultPlan#VARIABLE} among its variables), with what it injected so far. */
  public Optional<FaultPlan> faults() {
    return faults;
  }

  /** Messages the rules engine has fully routed (device publishes and IoT data-plane publishes). */
  public long messagesReceived() {
    return ruleActions.received();
  }

  /** Invocations of routed messages accepted and not yet finished, retries included (scheduled runs apart). */
  public int invocationsInFlight() {
    return invoker.inFlight();
  }

  /**
   * Waits until every accepted message is routed, no invocation of a routed message is queued, running or
   * waiting for a retry, and no new message reached the rules engine for {@link #QUIET_PERIOD}. A message is
   * accepted before the broker acknowledges it, so whatever a publisher got its PUBACK for is waited for.
   * Scheduled runs are not waited for (a timer never ends); what they publish is.
   *
   * @return false when the timeout came first
   */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long routedBefore = -1;
    while (true) {
      if (!invoker.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
        return false;
      }
      long routed = ruleActions.received();
      if (routed == routedBefore && ruleActions.waiting() == 0 && invoker.inFlight() == 0) {
        return true;
      }
      routedBefore = routed;
      if (System.nanoTime() + QUIET_PERIOD.toNanos() > deadline) {
        return false;
      }
      try {
        Thread.sleep(QUIET_PERIOD.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** Blocks until the twin is closed (by {@link #close()} or the shutdown hook). */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
    }
    try {
      stop("schedules", scheduler);
      stop("MQTT broker", broker);
      stop("rules engine", ruleActions);
      drain("message", invoker);
      drain("scheduled", scheduledRuns);
      stop("invoker", invoker);
      stop("scheduled runs", scheduledRuns);
      stop("HTTP API", gateway);
      stop("IoT data endpoint", iotData);
      stop("event bus", events);
      stop("functions", functions);
      stop("message journal", journal);
      stop("event journal", busJournal);
      stop("DynamoDB client", dynamoDb);
      stop("dynalite", dynalite);
    } finally {
      if (Thread.currentThread() != shutdownHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverAdded) {
          // the JVM is exiting anyway, or start failed before the hook was added
        }
      }
      restoreProperties();
      faults.ifPresent(plan -> {
        LOG.warn("{}", plan.summary());
        FaultPlan.deactivate(plan);
      });
      RUNNING.set(false);
      closed.countDown();
      LOG.info("twin stopped");
    }
  }

  private void drain(String kind, AsyncInvoker runs) {
    if (runs != null && !runs.drain(options.drainTimeout())) {
      LOG.error("{} {} invocation(s) still running after {}: stopping anyway", runs.inFlight(), kind, options.drainTimeout());
    }
  }

  private static void stop(String part, AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      long started = System.nanoTime();
      closeable.close();
      LOG.debug("{} stopped in {} ms", part, (System.nanoTime() - started) / 1_000_000);
    } catch (Exception e) {
      LOG.error("stopping the {} failed", part, e);
    }
  }
}
