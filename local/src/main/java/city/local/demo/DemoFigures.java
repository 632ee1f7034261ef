package city.local.demo;

import java.io.PrintStream;
import java.util.List;

/** A part's figures in the demo's summary. */
public interface DemoFigures {
  void print(PrintStream out, Summary.RunFigures run);

  /** The rules of the city bus this part's figures show, printed together after every part's lines. */
  default List<CityBusLine> cityBus() {
    return List.of();
  }
}
