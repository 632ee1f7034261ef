package city.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.platform.AwsClients;
import city.platform.City;
import city.platform.HttpApiHandler;
import city.platform.TestCity;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trigger declaration is consistent with itself, with the handler classes and with events/. */
class CatalogTest {
  static final Path EVENTS = Path.of("..", "events");

  @BeforeAll
  static void configureLikeCdk() {
    Catalog.standard().tables().forEach(t -> System.setProperty(t.envVar(), "test-" + t.id()));
    System.setProperty(City.CITY_FILE, TestCity.SAMPLE.toString());
    System.setProperty(AwsClients.LOCAL_TWIN, "true");
    System.setProperty(AwsClients.DYNAMODB_ENDPOINT, "http://127.0.0.1:9");
    System.setProperty(AwsClients.IOT_DATA_ENDPOINT, "http://127.0.0.1:9");
  }

  /** The JVM runs the other test classes next: a handler built there must not find these tables and dead endpoints. */
  @AfterAll
  static void forgetTheCdkConfiguration() {
    Catalog.standard().tables().forEach(t -> System.clearProperty(t.envVar()));
    Stream.of(City.CITY_FILE, AwsClients.LOCAL_TWIN, AwsClients.DYNAMODB_ENDPOINT, AwsClients.IOT_DATA_ENDPOINT)
        .forEach(System::clearProperty);
  }

  @Test
  void namesAreUniqueAndReferencesResolve() {
    assertUnique(Catalog.standard().functions().stream().map(FunctionSpec::id).toList());
    assertUnique(Catalog.standard().tables().stream().map(TableSpec::id).toList());
    assertUnique(Catalog.standard().rules().stream().map(TopicRule::name).toList());
    assertUnique(Catalog.standard().routes().stream().map(HttpRoute::routeKey).toList());
    Set<String> tables = Catalog.standard().tables().stream().map(TableSpec::id).collect(Collectors.toSet());
    for (FunctionSpec function : Catalog.standard().functions()) {
      assertTrue(tables.containsAll(function.tables()), function.id() + " uses an undeclared table");
      assertTrue(function.memoryMb() >= 128 && function.memoryMb() <= 10240, function.id());
      assertFalse(function.why().isBlank(), function.id() + " needs its sizing reason");
    }
    Catalog.standard().rules().forEach(r -> Catalog.standard().function(r.functionId()));
    Catalog.standard().routes().forEach(r -> Catalog.standard().function(r.functionId()));
    Catalog.standard().schedules().forEach(s -> Catalog.standard().function(s.functionId()));
  }

  @Test
  void ruleNamesAndSqlFitIotCore() {
    for (TopicRule rule : Catalog.standard().rules()) {
      assertTrue(rule.name().matches("[a-zA-Z0-9_]{1,128}"), rule.name());
      assertTrue(Catalog.standard().deviceClasses().contains(new DeviceClass(rule.deviceType())), rule.name());
      assertTrue(rule.sql().contains(" AS deviceId"), rule.name() + " must name the device");
      assertTrue(rule.sql().contains("encode(*, 'base64') AS payload"), rule.name() + " must forward the raw payload");
    }
  }

  @Test
  void opsRoutesAndOnlyThoseNeedTheOpsRole() {
    for (HttpRoute route : Catalog.standard().routes()) {
      assertEquals(route.path().startsWith("/ops/"), route.access() == Access.OPS, route.routeKey());
    }
  }

  /** Building a handler does no I/O (SnapStart snapshots it), and HTTP handlers serve exactly their routes. */
  @Test
  void everyHandlerBuildsFromItsEnvironmentAndServesItsRoutes() throws Exception {
    for (FunctionSpec function : Catalog.standard().functions()) {
      Object handler = Class.forName(function.handlerClass()).getConstructor().newInstance();
      assertTrue(handler instanceof RequestHandler<?, ?>, function.handlerClass());
      Set<String> declared = Catalog.standard().routes().stream().filter(r -> r.functionId().equals(function.id()))
          .map(HttpRoute::routeKey).collect(Collectors.toCollection(TreeSet::new));
      if (handler instanceof HttpApiHandler http) {
        assertEquals(declared, new TreeSet<>(http.routeKeys()), function.id());
      } else {
        assertTrue(declared.isEmpty(), function.id() + " has routes but is no HTTP handler");
      }
    }
  }

  @Test
  void everyFunctionHasASampleEventAndEveryEventAFunction() throws IOException {
    Set<String> ids = Catalog.standard().functions().stream().map(FunctionSpec::id).collect(Collectors.toSet());
    Set<String> covered = new HashSet<>();
    try (Stream<Path> files = Files.list(EVENTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        String name = file.getFileName().toString().replace(".json", "");
        String id = name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
        assertTrue(ids.contains(id), file + " names no function");
        covered.add(id);
      }
    }
    assertEquals(ids, covered);
  }

  private static void assertUnique(List<String> names) {
    assertEquals(new HashSet<>(names).size(), names.size(), "duplicate in " + names);
  }
}
