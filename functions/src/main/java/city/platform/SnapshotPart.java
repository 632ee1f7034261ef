package city.platform;

import java.util.List;
import java.util.function.Supplier;

/**
 * A domain's share of the city snapshot ({@code GET /ops/snapshot}): what the ops console draws on its map, in one
 * answer. Parts are found with {@link java.util.ServiceLoader} ({@code META-INF/services/city.platform.SnapshotPart}),
 * so the ops function reads every domain without naming one. A part's constructor does nothing: the ops module
 * asks it for its tables when the catalog is declared, and only the function opens it.
 */
public interface SnapshotPart {
  /** The part's name in the snapshot: its domain's name. */
  String name();

  /** The tables the part reads (the snapshot function is granted reads on them, nothing more). */
  List<String> tables();

  /** Wires the part's stores from the function's environment (no I/O); each call of the reader reads the state now. */
  Supplier<Object> open(City city);
}
