package city.bikeshare.core.store;

import city.bikeshare.core.closure.DockSilence;
import java.util.Set;

/** The ops health check's word on each station's dock controller, one record per station (see {@link DockSilence}). */
public interface DockSilences {
  /** Keeps the record unless the one kept is not {@link DockSilence#replacedBy replaced} by it. */
  void record(DockSilence silence);

  /** The stations whose dock is silent now; read consistently, so a write just made is seen. */
  Set<String> silent();
}
