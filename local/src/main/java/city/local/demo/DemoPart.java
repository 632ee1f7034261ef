package city.local.demo;

import city.local.TwinOptions;
import java.io.PrintStream;

/**
 * A domain's part of the demo: its simulated devices and people, and what its summary lines read back
 * from the twin. The demo's frame (clock, event loop, MQTT link, summary) only iterates over the parts;
 * each lives in the demo package named after its domain and is registered with one line in
 * {@code META-INF/services/city.local.demo.DemoPart}. Parts start in that file's order.
 */
public interface DemoPart {
  /** Twin settings this part needs (say, timeouts on the simulated clock); may print what it chose. */
  default TwinOptions configure(TwinOptions options, SimClock clock, PrintStream out) {
    return options;
  }

  /** Sets up the devices and schedules what they do, from the context's start to its end. */
  void start(DemoContext context);

  /** One progress line. */
  String progress();

  /** The devices' timeline has ended: send what a device would still send (readings held back). */
  default void timeIsUp() {}

  /** The twin has handled everything: the people's last requests (paying at the end of the day). */
  default void lastRequests() {}

  /** The part's summary, read from the twin's HTTP API as an operator's dashboard would. */
  DemoFigures figures(DemoContext context);

  /** The summary is read (or the run failed): stop what the part runs on the wall clock, before the MQTT link closes. */
  default void close() {}
}
