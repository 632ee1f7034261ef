package city.local.demo;

import java.io.PrintStream;

/** A part's figures in the demo's summary. */
public interface DemoFigures {
  void print(PrintStream out, Summary.RunFigures run);
}
