package city.catalog;

import java.util.List;

/** Incident dispatch: declared by the dispatch issue. */
final class DispatchDeclarations {
  private DispatchDeclarations() {}

  static Domain domain() {
    return new Domain("dispatch", List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
