package city.local;

import city.catalog.Catalog;
import city.local.auth.Jwt;
import city.local.auth.OidcProvider;
import city.local.bench.Benchmarks;
import city.local.faults.FaultPlan;
import city.local.mqtt.ThingPolicy;
import city.local.auth.SigningKey;
import city.platform.Config;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code ./city up|token|demo|bench|cost}: the command line of the twin. */
public final class Cli {
  private static final String USAGE = """
      usage: city up [--city FILE] [--mqtt-port N] [--http-port N] [--iot-port N] [--data DIR] [--env NAME=VALUE]...
                     [--schedule NAME=PERIOD]... [--faults SPEC]
                     [--oidc-issuer URL --oidc-client-id ID [--oidc-audience AUD] [--oidc-scope SCOPE]]
             city token --role citizen|ops [--plate P]... [--sub SUBJECT] [--data DIR]
             city demo [options]      (see ./city demo --help)
             city bench NAME [options]  (./city bench lists them)
             city cost [--scenario NAME | --city FILE] [--region us-east-1|cn-north-1|cn-northwest-1] [--json] [--plot FILE]""";

  private Cli() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(USAGE);
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    String command = args[0];
    try {
      switch (command) {
        case "up" -> up(new Options(rest));
        case "token" -> System.out.println(token(new Options(rest)));
        case "demo" -> delegate("city.local.demo.Demo", rest);
        case "bench" -> Benchmarks.run(rest);
        case "cost" -> delegate("city.local.cost.CostCommand", rest);
        default -> {
          System.err.println("unknown command " + args[0] + "\n" + USAGE);
          System.exit(2);
        }
      }
    } catch (UsageException e) {
      System.err.println("city " + args[0] + ": " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
    } catch (IllegalStateException | UncheckedIOException e) {
      // a port in use, node or dynalite missing, a bad city file: the message says what to do
      System.err.println("city " + args[0] + ": " + e.getMessage());
      System.exit(1);
    }
  }

  private static void up(Options options) throws InterruptedException {
    TwinOptions twinOptions = twinOptions(options);
    Twin twin = Twin.start(twinOptions);
    PrintStream out = System.out;
    out.println("city twin is up");
    out.printf("  MQTT broker      tcp://127.0.0.1:%d (MQTT 5 and 3.1.1; a device's client id is its thing name)%n", twin.mqttPort());
    out.printf("  MQTT operator    user %s, password %s%n", ThingPolicy.OPERATOR, twin.mqttOperatorPassword());
    out.printf("  HTTP API         %s%n", twin.httpEndpoint());
    out.printf("  ops console      %s (sign in with ./city token --role ops)%n", twin.consoleUrl());
    out.printf("  signed in        %s#token=%s%n", twin.consoleUrl(), twin.token("ops-local", "ops", List.of()));
    out.printf("  citizen app      %s%n", twin.appUrl());
    twinOptions.oidc().ifPresent(provider -> out.printf("  OIDC sign-in     %s (client %s; tokens for audience %s are trusted too)%n",
        provider.issuer(), provider.clientId(), provider.audience()));
    out.printf("  IoT data plane   %s%n", twin.iotDataEndpoint());
    out.printf("  DynamoDB         %s%n", twin.dynamoDbEndpoint());
    out.printf("  data             %s%n", twin.dataDir().map(Path::toString).orElse("in memory"));
    out.printf("  city file        %s%n", twinOptions.cityFile().toAbsolutePath());
    twin.faults().ifPresent(plan -> out.printf("  FAULT INJECTION  %s (test profile: the functions' SDK calls fail at these rates)%n", plan));
    out.println("tokens: ./city token --role ops | --role citizen --plate <PLATE>;  Ctrl-C stops the twin");
    out.flush();
    twin.awaitClosed();
  }

  /** What {@code ./city up} starts, from its options. */
  static TwinOptions twinOptions(Options options) {
    TwinOptions twinOptions = TwinOptions.defaults();
    for (String name : options.names()) {
      switch (name) {
        case "city" -> twinOptions = twinOptions.withCityFile(Path.of(options.value("city")));
        case "mqtt-port" -> twinOptions = twinOptions.withMqttPort(options.port("mqtt-port"));
        case "http-port" -> twinOptions = twinOptions.withHttpPort(options.port("http-port"));
        case "iot-port" -> twinOptions = twinOptions.withIotDataPort(options.port("iot-port"));
        case "data" -> twinOptions = twinOptions.withDataDir(Optional.of(Path.of(options.value("data")).toAbsolutePath()));
        case "env" -> {
          for (String value : options.values("env")) {
            int equals = value.indexOf('=');
            if (equals < 1) {
              throw new UsageException("--env takes NAME=VALUE, e.g. --env SOME_TIMEOUT=10s");
            }
            twinOptions = twinOptions.withVariable(value.substring(0, equals), value.substring(equals + 1));
          }
        }
        case "schedule" -> {
          for (String value : options.values("schedule")) {
            int equals = value.indexOf('=');
            if (equals < 1) {
              throw new UsageException("--schedule takes NAME=PERIOD, e.g. " + Catalog.standard().schedules().get(0).name() + "=30s");
            }
            twinOptions = twinOptions.withSchedulePeriod(value.substring(0, equals), parseDuration(value.substring(equals + 1)));
          }
        }
        case "faults" -> twinOptions = twinOptions.withVariable(FaultPlan.VARIABLE, options.value("faults"));
        case "oidc-issuer", "oidc-client-id", "oidc-audience", "oidc-scope" -> {
          // read together below
        }
        default -> throw new UsageException("unknown option --" + name);
      }
    }
    Optional<OidcProvider> oidc = oidcProvider(options);
    if (oidc.isPresent()) {
      twinOptions = twinOptions.withOidc(oidc.get());
    }
    String faults = twinOptions.variables().get(FaultPlan.VARIABLE);
    if (faults != null) {
      try {
        FaultPlan.parse(faults);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return twinOptions;
  }

  /**
   * The OIDC provider of {@code --oidc-issuer} and {@code --oidc-client-id} (both or neither); the audience defaults to
   * the twin's own ({@value Jwt#AUDIENCE}, the cloud's default {@code jwtAudience}), the scope to {@code openid}.
   */
  private static Optional<OidcProvider> oidcProvider(Options options) {
    List<String> given = options.names().stream().filter(name -> name.startsWith("oidc-")).toList();
    if (given.isEmpty()) {
      return Optional.empty();
    }
    if (!given.contains("oidc-issuer") || !given.contains("oidc-client-id")) {
      throw new UsageException("--oidc-issuer and --oidc-client-id go together");
    }
    try {
      return Optional.of(new OidcProvider(options.value("oidc-issuer"), options.value("oidc-client-id"),
          given.contains("oidc-audience") ? options.value("oidc-audience") : Jwt.AUDIENCE,
          given.contains("oidc-scope") ? options.value("oidc-scope") : OidcProvider.DEFAULT_SCOPE));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static String token(Options options) {
    String role = null;
    String subject = null;
    List<String> plates = new ArrayList<>();
    Path dataDir = null;
    for (String name : options.names()) {
      switch (name) {
        case "role" -> role = options.value("role");
        case "plate" -> plates.addAll(options.values("plate"));
        case "sub" -> subject = options.value("sub");
        case "data" -> dataDir = Path.of(options.value("data")).toAbsolutePath();
        default -> throw new UsageException("unknown option --" + name);
      }
    }
    if (!"citizen".equals(role) && !"ops".equals(role)) {
      throw new UsageException("--role must be citizen or ops");
    }
    if (dataDir == null) {
      dataDir = RepoRoot.find().resolve(TwinOptions.DATA_DIR_NAME);
    }
    Jwt jwt = new Jwt(SigningKey.forDataDir(dataDir), Clock.systemUTC());
    return jwt.issue(subject == null ? role + "-local" : subject, role, plates, Jwt.DEFAULT_LIFETIME);
  }

  /** Runs another team's command by name, so the twin builds before that command exists. */
  private static void delegate(String className, String[] args) throws Exception {
    Method main;
    try {
      main = Class.forName(className).getMethod("main", String[].class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      System.err.println("not available yet (" + className + ")");
      System.exit(2);
      return;
    }
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static Duration parseDuration(String text) {
    try {
      return Config.parseDuration(text);
    } catch (RuntimeException e) {
      throw new UsageException("not a duration: " + text + " (use 90s, 15m, 2h or PT90S)");
    }
  }

  /** A command-line mistake: reported with the usage, exit code 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  /** {@code --name value} and {@code --name=value} options; a name may repeat. */
  static final class Options {
    private final List<String[]> pairs = new ArrayList<>();

    Options(String[] args) {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (!arg.startsWith("--") || arg.length() == 2) {
          throw new UsageException("unexpected argument " + arg);
        }
        int equals = arg.indexOf('=');
        if (equals > 0) {
          pairs.add(new String[] {arg.substring(2, equals), arg.substring(equals + 1)});
        } else if (i + 1 < args.length) {
          pairs.add(new String[] {arg.substring(2), args[++i]});
        } else {
          throw new UsageException(arg + " needs a value");
        }
      }
    }

    List<String> names() {
      return pairs.stream().map(p -> p[0]).distinct().toList();
    }

    List<String> values(String name) {
      return pairs.stream().filter(p -> p[0].equals(name)).map(p -> p[1]).toList();
    }

    String value(String name) {
      List<String> values = values(name);
      if (values.size() != 1) {
        throw new UsageException("--" + name + " is given " + values.size() + " times");
      }
      return values.get(0);
    }

    int port(String name) {
      try {
        int port = Integer.parseInt(value(name));
        if (port < 0 || port > 65535) {
          throw new NumberFormatException();
        }
        return port;
      } catch (NumberFormatException e) {
        throw new UsageException("--" + name + " must be a port number");
      }
    }
  }
}
