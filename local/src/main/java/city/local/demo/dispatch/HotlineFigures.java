package city.local.demo.dispatch;

import city.local.demo.DemoFigures;
import city.local.demo.Summary;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The county's hotline figures as GET /ops/workorders/stats gives them (sensor alerts are work orders too), with the
 * morning's calls and reports; resolve times are real seconds and the simulated minutes they stand for.
 *
 * @param overdue the work order the morning makes late on purpose (GET /ops/workorders/{id}); null if its call failed
 */
public record HotlineFigures(int reportsSent, int joined, JsonNode total, JsonNode departments, JsonNode overdue)
    implements DemoFigures {
  @Override
  public void print(PrintStream out, Summary.RunFigures run) {
    out.printf(Locale.ROOT, "hotline    %d calls and Open311 reports (%d joined an open work order)%n", reportsSent, joined);
    line(out, "all", total, run.speed());
    for (JsonNode department : departments) {
      line(out, department.path("department").asText(), department, run.speed());
    }
    if (overdue != null) {
      out.printf(Locale.ROOT, "           the one overdue: %s %s (%s) escalated to level %d, %s%n",
          overdue.path("workOrderId").asText(), overdue.path("serviceCode").asText(), overdue.path("department").asText(),
          overdue.path("escalationLevel").asInt(), overdue.path("status").asText().equals("closed")
              ? "closed " + (overdue.path("closedOnTime").asBoolean() ? "on time" : "late") : "still open");
    }
  }

  private static void line(PrintStream out, String name, JsonNode f, double speed) {
    out.printf(Locale.ROOT, "           %-17s %3d received, %3d closed, on time %s, %d overdue open, median to close %s;"
            + " rated %d, satisfied %s, reopened %d%n",
        name, f.path("received").asInt(), f.path("closed").asInt(), rate(f.path("onTimeRate")),
        f.path("overdueOpen").asInt(), minutes(f.path("medianResolveMinutes"), speed), f.path("rated").asInt(),
        rate(f.path("satisfactionRate")), f.path("reopened").asInt());
  }

  private static String rate(JsonNode rate) {
    return rate.isNumber() ? String.format(Locale.ROOT, "%.0f%%", rate.asDouble() * 100) : "-";
  }

  private static String minutes(JsonNode realMinutes, double speed) {
    return realMinutes.isNumber() ? String.format(Locale.ROOT, "~%.0f sim min", realMinutes.asDouble() * speed) : "-";
  }
}
