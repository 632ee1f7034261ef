package city.local;

import city.catalog.Catalog;
import city.catalog.Domain;
import city.catalog.FunctionSpec;
import city.catalog.HttpRoute;
import city.catalog.Schedule;
import city.catalog.TableSpec;
import city.catalog.TopicRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a twin runs: the catalog's tables, functions and triggers, the same ones CDK deploys. Tests may add
 * a domain of their own (a failing function, a fast schedule) without touching the catalog.
 */
public record Declarations(
    List<TableSpec> tables,
    List<FunctionSpec> functions,
    List<TopicRule> rules,
    List<HttpRoute> routes,
    List<Schedule> schedules) {

  /** Cloud-to-device topics of the device contract: traffic for devices, which no rule reads. */
  public static final List<String> CONTRACT_CLOUD_TO_DEVICE = List.of(
      "units/+/dispatch", "bikeshare/trucks/+/tasks", "parking/enforcement/+");

  public static Declarations catalog() {
    return new Declarations(Catalog.tables(), Catalog.functions(), Catalog.rules(), Catalog.routes(), Catalog.schedules());
  }

  public Declarations plus(Domain domain) {
    return new Declarations(
        concat(tables, domain.tables()),
        concat(functions, domain.functions()),
        concat(rules, domain.rules()),
        concat(routes, domain.routes()),
        concat(schedules, domain.schedules()));
  }

  /** Fails at start, not on the first message, when a trigger names a function nobody declared. */
  public Declarations validated() {
    Set<String> ids = new LinkedHashSet<>();
    functions.forEach(f -> ids.add(f.id()));
    rules.forEach(r -> requireFunction(ids, "topic rule " + r.name(), r.functionId()));
    routes.forEach(r -> requireFunction(ids, "route " + r.routeKey(), r.functionId()));
    schedules.forEach(s -> requireFunction(ids, "schedule " + s.name(), s.functionId()));
    return this;
  }

  private static void requireFunction(Set<String> ids, String trigger, String functionId) {
    if (!ids.contains(functionId)) {
      throw new IllegalArgumentException(trigger + " invokes undeclared function " + functionId);
    }
  }

  /** The contract's cloud-to-device topics and every topic a function is allowed to publish to. */
  public List<String> cloudToDeviceTopics() {
    Set<String> topics = new LinkedHashSet<>(CONTRACT_CLOUD_TO_DEVICE);
    functions.forEach(f -> topics.addAll(f.publishTopics()));
    return new ArrayList<>(topics);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
