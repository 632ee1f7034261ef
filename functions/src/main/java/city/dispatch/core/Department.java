package city.dispatch.core;

import java.util.List;

/**
 * A department that work orders are referred to (urban management, water, police...): the unit kinds of its
 * field units and its default deadlines, which a service may override.
 */
public record Department(String id, String name, List<String> unitKinds, Deadlines deadlines) {
  public Department {
    unitKinds = List.copyOf(unitKinds);
  }
}
