package city.local.cost;

import city.catalog.Domain;
import city.catalog.TableSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Workload to usage, a pure function: invocations from {@link Demand}, what each invocation consumes from the
 * measured {@link UsageProfile}, the memory from the catalog, what triggers it from the catalog, the rest from
 * the scenario's assumptions and the deployed shape.
 */
public final class UsageModel {
  static final double MINUTES_PER_MONTH = Demand.DAYS_PER_MONTH * 24 * 60;
  static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;
  /** IoT Core meters messages in 5 KB steps. */
  static final int IOT_MESSAGE_STEP = 5 * 1024;
  static final String PLATFORM = "platform";

  private UsageModel() {}

  public static List<Usage> usage(Scenario scenario, UsageProfile profile, List<Domain> domains, Deployment deployment) {
    Workload workload = scenario.workload();
    Assumptions a = scenario.assumptions();
    List<Usage> usage = new ArrayList<>();
    for (Invocations run : Demand.perMonth(workload, a, domains)) {
      EventProfile per = profile.require(run.function().id());
      String domain = run.domain().name();
      String source = run.function().id();
      boolean fixed = run.fixed();
      double n = run.perMonth();
      double logBytes = n * a.logBytesPerInvocation();
      usage.add(new Usage(domain, Items.LAMBDA_REQUESTS, n, fixed, source));
      EventProfile.EmptyCity floor = fixed ? per.emptyCity() : null;
      if (floor == null) {
        usage.add(new Usage(domain, Items.LAMBDA_GB_SECONDS, n * gbSeconds(per.billedMsPerInvocation(), run), fixed, source));
        usage.add(new Usage(domain, Items.DYNAMODB_RRU, n * per.readRequestUnitsPerInvocation(), fixed, source));
        usage.add(new Usage(domain, Items.DYNAMODB_WRU, n * per.writeRequestUnitsPerInvocation(), fixed, source));
      } else {
        // a schedule's run on an empty city is the fixed cost; what the city's traffic adds to each run is variable
        double busy = workload.quiet() ? 0 : 1;
        usage.add(new Usage(domain, Items.LAMBDA_GB_SECONDS, n * gbSeconds(floor.billedMsPerInvocation(), run), true, source));
        usage.add(new Usage(domain, Items.LAMBDA_GB_SECONDS, busy * n * Math.max(0,
            gbSeconds(per.billedMsPerInvocation(), run) - gbSeconds(floor.billedMsPerInvocation(), run)), false, source));
        usage.add(new Usage(domain, Items.DYNAMODB_RRU, n * floor.readRequestUnitsPerInvocation(), true, source));
        usage.add(new Usage(domain, Items.DYNAMODB_RRU, busy * n * Math.max(0,
            per.readRequestUnitsPerInvocation() - floor.readRequestUnitsPerInvocation()), false, source));
        usage.add(new Usage(domain, Items.DYNAMODB_WRU, n * floor.writeRequestUnitsPerInvocation(), true, source));
        usage.add(new Usage(domain, Items.DYNAMODB_WRU, busy * n * Math.max(0,
            per.writeRequestUnitsPerInvocation() - floor.writeRequestUnitsPerInvocation()), false, source));
        double floorPublished = n * floor.iotPublishesPerInvocation() * (1 + a.deliveriesPerPublish()) * steps(a.cloudMessageBytes());
        double busyPublished = busy * n * Math.max(0, per.iotPublishesPerInvocation() - floor.iotPublishesPerInvocation())
            * (1 + a.deliveriesPerPublish()) * steps(a.cloudMessageBytes());
        usage.add(new Usage(domain, Items.IOT_MESSAGES, floorPublished, true, source));
        usage.add(new Usage(domain, Items.IOT_MESSAGES, busyPublished, false, source));
        usage.add(new Usage(domain, Items.SCHEDULER_INVOCATIONS, n, true, source));
        logs(usage, domain, logBytes, true, source, a, deployment);
        continue;
      }
      double published = n * per.iotPublishesPerInvocation() * (1 + a.deliveriesPerPublish()) * steps(a.cloudMessageBytes());
      double received = 0;
      switch (run.trigger()) {
        case DEVICE -> {
          received = a.basicIngest() ? 0 : n * steps(a.deviceMessageBytes());
          usage.add(new Usage(domain, Items.IOT_RULES, n, fixed, source));
          usage.add(new Usage(domain, Items.IOT_ACTIONS, n, fixed, source));
        }
        case HTTP -> {
          usage.add(new Usage(domain, Items.HTTP_API_REQUESTS, n, fixed, source));
          if (deployment.httpAccessLogs()) {
            logBytes += n * a.accessLogBytesPerRequest();
          }
        }
        case SCHEDULE -> usage.add(new Usage(domain, Items.SCHEDULER_INVOCATIONS, n, fixed, source));
        case EVENT, DESTINATION -> { }
      }
      usage.add(new Usage(domain, Items.IOT_MESSAGES, received + published, fixed, source));
      logs(usage, domain, logBytes, fixed, source, a, deployment);
    }
    connections(workload, a, usage);
    for (Domain domain : domains) {
      for (TableSpec table : domain.tables()) {
        double gb = a.storedGbByTable().getOrDefault(table.id(), 0.0);
        usage.add(new Usage(domain.name(), Items.DYNAMODB_STORAGE_GB_MONTHS, gb, false, "storage"));
        if (table.pointInTimeRecovery()) {
          usage.add(new Usage(domain.name(), Items.DYNAMODB_PITR_GB_MONTHS, gb, false, "storage"));
        }
      }
    }
    // the city bus bills each published event once, however many rules match it
    usage.add(new Usage("dispatch", Items.EVENTBRIDGE_EVENTS, Demand.busEventsPerMonth(workload), false, "bus"));
    usage.add(new Usage(PLATFORM, Items.CLOUDWATCH_ALARMS, deployment.cloudwatchAlarms(), true, "stack"));
    usage.add(new Usage(PLATFORM, Items.BUDGETS, deployment.budgets(), true, "stack"));
    return usage;
  }

  private static double gbSeconds(double billedMs, Invocations run) {
    return Math.ceil(billedMs) / 1000 * run.function().memoryMb() / 1024.0;
  }

  private static void logs(List<Usage> usage, String domain, double logBytes, boolean fixed, String source, Assumptions a,
      Deployment deployment) {
    double ingestedGb = logBytes / BYTES_PER_GB;
    usage.add(new Usage(domain, Items.LOGS_INGESTED_GB, ingestedGb, fixed, source));
    usage.add(new Usage(domain, Items.LOGS_STORED_GB_MONTHS,
        ingestedGb * a.logCompression() * deployment.logRetentionDays() / Demand.DAYS_PER_MONTH, fixed, source));
  }

  /** Connection minutes: battery sensors through gateways, every other device on its own connection, all month. */
  private static void connections(Workload w, Assumptions a, List<Usage> usage) {
    double parking = gateways(w.parkingSpaces(), a) + w.plateCameras();
    double dispatch = gateways(w.safetySensors(), a) + w.responseUnits();
    double bikeshare = w.bikeStations() + w.trucks();
    usage.add(new Usage("parking", Items.IOT_CONNECTION_MINUTES, parking * MINUTES_PER_MONTH, false, "connections"));
    usage.add(new Usage("dispatch", Items.IOT_CONNECTION_MINUTES, dispatch * MINUTES_PER_MONTH, false, "connections"));
    usage.add(new Usage("bikeshare", Items.IOT_CONNECTION_MINUTES, bikeshare * MINUTES_PER_MONTH, false, "connections"));
  }

  private static double gateways(long sensors, Assumptions a) {
    return Math.ceil((double) sensors / a.sensorsPerGateway());
  }

  private static int steps(int bytes) {
    return Math.max(1, (bytes + IOT_MESSAGE_STEP - 1) / IOT_MESSAGE_STEP);
  }
}
