package city.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The one declaration of every table, function, topic rule, HTTP route, schedule, event type and event rule:
 * the union of the city's modules. The CDK app deploys exactly this; the local twin runs exactly this. Nothing else may
 * declare a trigger. Checked when built: every trigger invokes a declared function, every rule's publisher
 * is a declared device class, every function uses declared tables, and no id is declared twice.
 */
public final class Catalog {
  private final List<CityModule> modules;

  private Catalog(List<CityModule> modules) {
    this.modules = List.copyOf(modules);
    validate();
  }

  /** The modules registered in {@code META-INF/services/city.catalog.CityModule}, in the file's order. */
  public static Catalog standard() {
    return Standard.CATALOG;
  }

  public static Catalog of(List<CityModule> modules) {
    return new Catalog(modules);
  }

  /** This catalog with more modules (a test's own domain, say). */
  public Catalog plus(CityModule... more) {
    return new Catalog(Stream.concat(modules.stream(), Stream.of(more)).toList());
  }

  public List<CityModule> modules() {
    return modules;
  }

  public List<Domain> domains() {
    return modules.stream().map(CityModule::declarations).toList();
  }

  public List<TableSpec> tables() {
    return all(Domain::tables);
  }

  public List<FunctionSpec> functions() {
    return all(Domain::functions);
  }

  public List<TopicRule> rules() {
    return all(Domain::rules);
  }

  public List<HttpRoute> routes() {
    return all(Domain::routes);
  }

  public List<Schedule> schedules() {
    return all(Domain::schedules);
  }

  /** Every event type the domains publish on the city bus. */
  public List<EventType> eventTypes() {
    return all(Domain::events);
  }

  /** Every rule of the city bus. */
  public List<EventRule> eventRules() {
    return all(Domain::eventRules);
  }

  /** The functions that publish events: the only ones that may put events on the bus. */
  public List<String> eventPublishers() {
    Set<String> ids = new LinkedHashSet<>();
    eventTypes().forEach(t -> ids.addAll(t.publishers()));
    return new ArrayList<>(ids);
  }

  public List<DeviceClass> deviceClasses() {
    return modules.stream().flatMap(m -> m.deviceClasses().stream()).toList();
  }

  public FunctionSpec function(String id) {
    return functions().stream().filter(f -> f.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no function " + id));
  }

  public TableSpec table(String id) {
    return tables().stream().filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + id));
  }

  public Optional<TopicRule> rule(String name) {
    return rules().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** Every topic a function may publish to: traffic for devices, which no rule reads. */
  public List<String> cloudToDeviceTopics() {
    Set<String> topics = new LinkedHashSet<>();
    functions().forEach(f -> topics.addAll(f.publishTopics()));
    return new ArrayList<>(topics);
  }

  private <T> List<T> all(Function<Domain, List<T>> part) {
    return domains().stream().flatMap(d -> part.apply(d).stream()).toList();
  }

  private void validate() {
    unique("domain", domains().stream().map(Domain::name).toList());
    unique("table", tables().stream().map(TableSpec::id).toList());
    unique("function", functions().stream().map(FunctionSpec::id).toList());
    unique("topic rule", rules().stream().map(TopicRule::name).toList());
    unique("route", routes().stream().map(HttpRoute::routeKey).toList());
    unique("schedule", schedules().stream().map(Schedule::name).toList());
    unique("device class", deviceClasses().stream().map(DeviceClass::wireName).toList());
    unique("event rule", eventRules().stream().map(EventRule::name).toList());
    unique("event type", eventTypes().stream().map(t -> t.source() + " " + t.detailType()).toList());
    Set<String> functionIds = new LinkedHashSet<>(functions().stream().map(FunctionSpec::id).toList());
    Set<String> tableIds = new LinkedHashSet<>(tables().stream().map(TableSpec::id).toList());
    Set<String> classes = new LinkedHashSet<>(deviceClasses().stream().map(DeviceClass::wireName).toList());
    for (TopicRule rule : rules()) {
      require(functionIds, rule.functionId(), "topic rule " + rule.name() + " invokes undeclared function");
      require(classes, rule.deviceType(), "topic rule " + rule.name() + " names an undeclared device class");
    }
    routes().forEach(r -> require(functionIds, r.functionId(), "route " + r.routeKey() + " invokes undeclared function"));
    schedules().forEach(s -> require(functionIds, s.functionId(), "schedule " + s.name() + " invokes undeclared function"));
    eventRules().forEach(r -> require(functionIds, r.functionId(), "event rule " + r.name() + " invokes undeclared function"));
    for (Domain domain : domains()) {
      for (EventType type : domain.events()) {
        if (!type.source().equals(EventType.SOURCE_PREFIX + domain.name())) {
          throw new IllegalArgumentException("event " + type.detailType() + " of domain " + domain.name()
              + " must have source " + EventType.SOURCE_PREFIX + domain.name() + ", not " + type.source());
        }
        type.publishers().forEach(f -> require(functionIds, f, "event " + type.detailType() + " names undeclared publisher"));
      }
    }
    for (FunctionSpec function : functions()) {
      function.tables().forEach(t -> require(tableIds, t, "function " + function.id() + " uses undeclared table"));
    }
  }

  private static void unique(String what, List<String> ids) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    ids.forEach(id -> seen.merge(id, 1, Integer::sum));
    seen.forEach((id, count) -> {
      if (count > 1) {
        throw new IllegalArgumentException(what + " " + id + " is declared " + count + " times");
      }
    });
  }

  private static void require(Set<String> declared, String id, String problem) {
    if (!declared.contains(id)) {
      throw new IllegalArgumentException(problem + " " + id);
    }
  }

  /** Loaded on first use, once per class loader (each of the twin's functions has its own, as in Lambda). */
  private static final class Standard {
    static final Catalog CATALOG = new Catalog(ServiceLoader.load(CityModule.class, Catalog.class.getClassLoader())
        .stream().map(ServiceLoader.Provider::get).toList());
  }
}
