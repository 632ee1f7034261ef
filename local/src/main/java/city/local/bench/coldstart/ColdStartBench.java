package city.local.bench.coldstart;

import city.catalog.Catalog;
import city.catalog.FunctionSpec;
import city.local.RepoRoot;
import city.local.TwinOptions;
import city.local.bench.BenchArgs;
import city.local.bench.Benchmark;
import city.local.bench.Samples;
import city.local.bench.TextTable;
import city.local.dynamodb.Dynalite;
import city.local.dynamodb.LocalDynamoDb;
import city.local.dynamodb.TableCreator;
import city.local.http.IotDataEndpoint;
import city.local.lambda.HandlerInput;
import city.platform.AwsClients;
import city.platform.City;
import city.platform.FunctionVariables;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./city bench coldstart [--runs N] [--appcds] [--json]}: every catalog function started in a fresh
 * JVM as Lambda starts it (the shaded jar, the functions' JAVA_TOOL_OPTIONS, the no-arg constructor, one
 * invocation of its sample event from {@code events/}), against a dynalite of its own and a local IoT
 * data-plane stub; beside two baselines in the same run, a bare JVM and a bare SDK client doing one GetItem.
 */
public final class ColdStartBench implements Benchmark {
  /** As infra's CityFunction sets it on every function (kept equal by hand: infra is not on this classpath). */
  static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
  /** The target: a function starts within this factor of the bare SDK client's start. */
  static final double TARGET_RATIO = 1.2;
  static final String HELLO = "(bare JVM hello world)";
  static final String SDK = "(bare SDK GetItem)";
  static final Set<String> OPTIONS = Set.of("--runs", "--functions");
  static final Set<String> SWITCHES = Set.of("--appcds", "--variants", "--json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One child JVM to start: what it runs and under which name it is reported. */
  record Subject(String name, List<String> launcherArgs, Map<String, String> variables) {}

  /**
   * What the runs of one subject measured; {@code appCdsMillis} is empty without {@code --appcds}, {@code variants}
   * without {@code --variants}; {@code initMillis} is empty for the baselines.
   */
  record Measured(String name, List<Long> millis, List<Long> initMillis, List<Long> appCdsMillis, String answer,
      Optional<ColdStartVariants.Measured> variants) {}

  @Override
  public String name() {
    return "coldstart";
  }

  @Override
  public String usage() {
    return "[--runs N] [--functions ID,ID...] [--appcds] [--variants] [--json]";
  }

  @Override
  public void run(String[] args) throws Exception {
    BenchArgs parsed = BenchArgs.parse(args, OPTIONS, SWITCHES);
    int runs = parsed.positiveInt("--runs", 5);
    Path root = RepoRoot.find();
    Path jar = shadedJar(root);
    Optional<Set<String>> only = parsed.value("--functions").map(list -> Set.of(list.split(",")));
    List<Measured> measured = measure(root, jar, runs, only, parsed.flag("--appcds"), parsed.flag("--variants"), System.err);
    String iotNote = "IOT_DATA_ENDPOINT: a local HTTP stub answering 200 to POST /topics/... (city.local.http.IotDataEndpoint)";
    if (parsed.flag("--json")) {
      System.out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(measured, jar, runs, iotNote)));
    } else {
      System.out.printf(Locale.ROOT, "cold start, %d runs each, wall ms from spawning the JVM to the first answer; "
          + "JAVA_TOOL_OPTIONS=%s; jar %s (%.1f MB)%n%s%n", runs, JAVA_TOOL_OPTIONS, jar.getFileName(),
          Files.size(jar) / 1e6, iotNote);
      System.out.print(table(measured).render());
      if (measured.stream().anyMatch(m -> m.variants().isPresent())) {
        System.out.println();
        System.out.println("variants, each against the same subject's plain median of this run (x plain); init = spawn to"
            + " the end of the constructor; trimmed = only the shaded jar's classes the training run loaded, every"
            + " resource kept; preload = the training run's class list loaded by a second thread");
        System.out.print(variantsTable(measured).render());
      }
    }
    System.exit(0);
  }

  static Path shadedJar(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("functions/target"))) {
      return files.filter(p -> p.getFileName().toString().matches("city-functions-.*-lambda\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no functions/target/city-functions-*-lambda.jar: run mvn -o package"));
    }
  }

  private static List<Measured> measure(Path root, Path jar, int runs, Optional<Set<String>> only, boolean appCds,
      boolean variants, PrintStream progress) throws Exception {
    Catalog catalog = Catalog.standard();
    AtomicLong publishes = new AtomicLong();
    Path work = Files.createTempDirectory("city-coldstart");
    try (Dynalite dynalite = Dynalite.start(root, Optional.empty());
        IotDataEndpoint iotStub = IotDataEndpoint.start(0, (topic, payload, qos, retain) -> publishes.incrementAndGet());
        DynamoDbClient dynamoDb = LocalDynamoDb.client(dynalite.endpoint(), AwsClients.DEFAULT_REGION)) {
      Map<String, String> physicalNames = new LinkedHashMap<>();
      catalog.tables().forEach(t -> physicalNames.put(t.id(), t.id()));
      new TableCreator(dynamoDb).ensure(catalog.tables(), physicalNames);
      Map<String, String> shared = new LinkedHashMap<>();
      shared.put(AwsClients.DYNAMODB_ENDPOINT, dynalite.endpoint().toString());
      shared.put(AwsClients.IOT_DATA_ENDPOINT, "http://127.0.0.1:" + iotStub.port());
      shared.put(AwsClients.LOCAL_TWIN, "true");
      shared.put(City.CITY_FILE, TwinOptions.sampleCity(root).toAbsolutePath().toString());
      shared.put(AwsClients.REGION, AwsClients.DEFAULT_REGION);
      shared.put("AWS_ACCESS_KEY_ID", "local");
      shared.put("AWS_SECRET_ACCESS_KEY", "local");
      shared.put("AWS_EC2_METADATA_DISABLED", "true");

      List<Subject> subjects = new ArrayList<>();
      subjects.add(new Subject(HELLO, List.of("hello"), shared));
      subjects.add(new Subject(SDK, List.of("sdk", catalog.tables().get(0).id()), shared));
      for (FunctionSpec function : catalog.functions()) {
        if (only.isPresent() && !only.get().contains(function.id())) {
          continue;
        }
        Map<String, String> variables = new LinkedHashMap<>(FunctionVariables.tables(function, catalog.tables(), Function.identity()));
        variables.putAll(shared);
        subjects.add(new Subject(function.id(),
            List.of("handler", function.handlerClass(), sampleEvent(root, function.id()).toString()), variables));
      }
      Path launcherJar = launcherJar(work);
      String classPath = jar + File.pathSeparator + launcherJar;
      List<Measured> measured = new ArrayList<>();
      for (Subject subject : subjects) {
        List<Long> millis = new ArrayList<>();
        List<Long> initMillis = new ArrayList<>();
        String answer = "";
        for (int run = 0; run < runs; run++) {
          Child child = Child.run(classPath, subject, JAVA_TOOL_OPTIONS);
          millis.add(child.millis());
          if (child.initMillis() >= 0) {
            initMillis.add(child.initMillis());
          }
          answer = child.answer();
        }
        List<Long> appCdsMillis = new ArrayList<>();
        if (appCds) {
          Path archive = work.resolve("subject-" + measured.size() + ".jsa");
          Child.run(classPath, subject, JAVA_TOOL_OPTIONS + " -XX:ArchiveClassesAtExit=" + archive);
          if (!Files.isRegularFile(archive)) {
            // without the archive the JVM would only warn and start without it: the column would lie
            throw new IllegalStateException(subject.name() + ": the training run wrote no AppCDS archive");
          }
          for (int run = 0; run < runs; run++) {
            appCdsMillis.add(Child.run(classPath, subject, JAVA_TOOL_OPTIONS + " -XX:SharedArchiveFile=" + archive).millis());
          }
        }
        Optional<ColdStartVariants.Measured> measuredVariants = variants && !subject.name().equals(HELLO)
            ? Optional.of(ColdStartVariants.measure(subject, jar, launcherJar, JAVA_TOOL_OPTIONS, runs, work, measured.size()))
            : Optional.empty();
        progress.printf(Locale.ROOT, "  %-26s %s %s%s%n", subject.name(), millis, appCdsMillis.isEmpty() ? "" : "appcds " + appCdsMillis,
            measuredVariants.map(v -> " trimmed " + v.trimmedMillis() + " preload " + v.preloadMillis() + " " + v.wiring()).orElse(""));
        measured.add(new Measured(subject.name(), millis, initMillis, appCdsMillis, answer, measuredVariants));
      }
      progress.println("  IoT data-plane publishes answered by the stub: " + publishes.get());
      return measured;
    } finally {
      deleteTree(work);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** events/ID.json, else the first events/ID-*.json: the sample trigger the functions' tests use. */
  static Path sampleEvent(Path root, String functionId) throws IOException {
    Path exact = root.resolve("events/" + functionId + ".json");
    if (Files.isRegularFile(exact)) {
      return exact;
    }
    try (Stream<Path> files = Files.list(root.resolve("events"))) {
      return files.filter(p -> p.getFileName().toString().startsWith(functionId + "-")).sorted().findFirst()
          .orElseThrow(() -> new IllegalStateException("no sample event for " + functionId + " in events/"));
    }
  }

  /**
   * Only the launcher's own classes go next to the jar (the twin's classes must not change what the child
   * loads), and in a jar: AppCDS refuses a class path with a non-empty directory.
   */
  private static Path launcherJar(Path work) throws IOException {
    Path jar = work.resolve("coldstart-launcher.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Class<?> type : List.of(ColdStartLauncher.class, LaunchContext.class, HandlerInput.class)) {
        String resource = type.getName().replace('.', '/') + ".class";
        add(out, resource);
      }
      add(out, LaunchContext.class.getName().replace('.', '/') + "$1.class");
      add(out, RequestRecorder.class.getName().replace('.', '/') + ".class");
    }
    return jar;
  }

  private static void add(JarOutputStream out, String resource) throws IOException {
    try (InputStream in = ColdStartBench.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("launcher class not found: " + resource);
      }
      out.putNextEntry(new JarEntry(resource));
      in.transferTo(out);
      out.closeEntry();
    }
  }

  static TextTable table(List<Measured> measured) {
    double sdkMedian = measured.stream().filter(m -> m.name().equals(SDK)).findFirst()
        .map(m -> Samples.of(m.millis()).median()).orElseThrow(() -> new IllegalArgumentException("no SDK baseline"));
    boolean appCds = measured.stream().anyMatch(m -> !m.appCdsMillis().isEmpty());
    TextTable table = appCds
        ? new TextTable("function", "median ms", "min ms", "x SDK", "<= 1.2x", "AppCDS median ms", "AppCDS x SDK", "answer")
        : new TextTable("function", "median ms", "min ms", "x SDK", "<= 1.2x", "answer");
    for (Measured m : measured) {
      Samples samples = Samples.of(m.millis());
      double ratio = samples.median() / sdkMedian;
      boolean baseline = m.name().startsWith("(");
      String target = baseline ? "-" : ratio <= TARGET_RATIO ? "met" : "missed";
      String answer = m.answer().length() > 48 ? m.answer().substring(0, 48) + "..." : m.answer();
      if (appCds) {
        Samples cds = Samples.of(m.appCdsMillis());
        table.row(m.name(), whole(samples.median()), whole(samples.min()), ratio(ratio), target, whole(cds.median()),
            ratio(cds.median() / sdkMedian), answer);
      } else {
        table.row(m.name(), whole(samples.median()), whole(samples.min()), ratio(ratio), target, answer);
      }
    }
    return table;
  }

  static TextTable variantsTable(List<Measured> measured) {
    boolean appCds = measured.stream().anyMatch(m -> !m.appCdsMillis().isEmpty());
    TextTable table = new TextTable("function", "plain ms", "init ms", "jar MB", "trimmed MB", "trimmed ms", "x plain",
        "preload ms", "x plain", "AppCDS x plain", "built in init", "called", "trimmed answers");
    for (Measured m : measured) {
      if (m.variants().isEmpty()) {
        continue;
      }
      ColdStartVariants.Measured v = m.variants().get();
      double plain = Samples.of(m.millis()).median();
      double trimmed = Samples.of(v.trimmedMillis()).median();
      double preload = Samples.of(v.preloadMillis()).median();
      String[] wiring = v.wiring().isEmpty() ? new String[] {"-", "-"} : wiringParts(v.wiring());
      table.row(m.name(), whole(plain), m.initMillis().isEmpty() ? "-" : whole(Samples.of(m.initMillis()).median()),
          megabytes(v.jarBytes()), megabytes(v.trimmedJarBytes()) + " (" + v.classesFromJar() + " classes)", whole(trimmed),
          ratio(trimmed / plain), whole(preload), ratio(preload / plain),
          appCds ? ratio(Samples.of(m.appCdsMillis()).median() / plain) : "-", wiring[0], wiring[1],
          v.trimmedAnswer().equals(m.answer()) ? "same" : "DIFFERENT: " + v.trimmedAnswer());
    }
    return table;
  }

  /** {@code built=a,b called=C} as its two lists, "none" for an empty one. */
  static String[] wiringParts(String wiring) {
    String built = wiring.replaceFirst("^built=(\\S*) called=.*$", "$1");
    String called = wiring.replaceFirst("^.* called=(\\S*)$", "$1");
    return new String[] {built.isEmpty() ? "none" : built, called.isEmpty() ? "none" : called};
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
  }

  private static Map<String, Object> json(List<Measured> measured, Path jar, int runs, String iotNote) throws IOException {
    double sdkMedian = measured.stream().filter(m -> m.name().equals(SDK)).findFirst()
        .map(m -> Samples.of(m.millis()).median()).orElseThrow();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("runs", runs);
    out.put("javaToolOptions", JAVA_TOOL_OPTIONS);
    out.put("jar", jar.getFileName().toString());
    out.put("jarBytes", Files.size(jar));
    out.put("iotDataEndpoint", iotNote);
    out.put("targetRatio", TARGET_RATIO);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Measured m : measured) {
      Samples samples = Samples.of(m.millis());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", m.name());
      row.put("millis", m.millis());
      row.put("medianMillis", samples.median());
      row.put("minMillis", samples.min());
      row.put("ratioToSdk", samples.median() / sdkMedian);
      if (!m.appCdsMillis().isEmpty()) {
        row.put("appCdsMillis", m.appCdsMillis());
        row.put("appCdsMedianMillis", Samples.of(m.appCdsMillis()).median());
      }
      if (!m.initMillis().isEmpty()) {
        row.put("initMillis", m.initMillis());
      }
      m.variants().ifPresent(v -> {
        Map<String, Object> variants = new LinkedHashMap<>();
        variants.put("trimmedJarBytes", v.trimmedJarBytes());
        variants.put("classesFromJar", v.classesFromJar());
        variants.put("trimmedMillis", v.trimmedMillis());
        variants.put("trimmedMedianMillis", Samples.of(v.trimmedMillis()).median());
        variants.put("trimmedAnswer", v.trimmedAnswer());
        variants.put("preloadMillis", v.preloadMillis());
        variants.put("preloadMedianMillis", Samples.of(v.preloadMillis()).median());
        variants.put("wiring", v.wiring());
        row.put("variants", variants);
      });
      row.put("answer", m.answer());
      rows.add(row);
    }
    out.put("rows", rows);
    return out;
  }

  private static String whole(double millis) {
    return String.format(Locale.ROOT, "%.0f", millis);
  }

  private static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }
}
