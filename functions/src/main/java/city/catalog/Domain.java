package city.catalog;

import java.util.List;

/** Everything one domain deploys: tables, functions and the triggers that invoke them. */
public record Domain(
    String name,
    List<TableSpec> tables,
    List<FunctionSpec> functions,
    List<TopicRule> rules,
    List<HttpRoute> routes,
    List<Schedule> schedules) {}
