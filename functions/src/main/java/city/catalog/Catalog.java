package city.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The one declaration of every table, function, topic rule, HTTP route and schedule. The CDK app deploys
 * exactly this; the local twin runs exactly this. Nothing else may declare a trigger.
 */
public final class Catalog {
  private static final List<Domain> DOMAINS = List.of(
      OpsDeclarations.domain(),
      ParkingDeclarations.domain(),
      DispatchDeclarations.domain(),
      BikeshareDeclarations.domain());

  private Catalog() {}

  public static List<Domain> domains() {
    return DOMAINS;
  }

  public static List<TableSpec> tables() {
    return all(Domain::tables);
  }

  public static List<FunctionSpec> functions() {
    return all(Domain::functions);
  }

  public static List<TopicRule> rules() {
    return all(Domain::rules);
  }

  public static List<HttpRoute> routes() {
    return all(Domain::routes);
  }

  public static List<Schedule> schedules() {
    return all(Domain::schedules);
  }

  public static FunctionSpec function(String id) {
    return functions().stream().filter(f -> f.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no function " + id));
  }

  public static Optional<TopicRule> rule(String name) {
    return rules().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  private static <T> List<T> all(java.util.function.Function<Domain, List<T>> part) {
    return DOMAINS.stream().flatMap(d -> part.apply(d).stream()).toList();
  }
}
