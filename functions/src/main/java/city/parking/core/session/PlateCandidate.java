package city.parking.core.session;

import java.time.OffsetDateTime;
import java.util.Comparator;

/** One camera read of a plate at a space; a session takes the best read inside its time window. */
public record PlateCandidate(String plate, double confidence, OffsetDateTime ts, String cameraId) {
  /**
   * Highest confidence first; ties go to the earlier read, then to the plate and camera in text order, so
   * that every delivery order picks the same read.
   */
  public static final Comparator<PlateCandidate> BEST_FIRST = Comparator
      .comparingDouble(PlateCandidate::confidence).reversed()
      .thenComparing(c -> c.ts().toInstant())
      .thenComparing(PlateCandidate::plate)
      .thenComparing(PlateCandidate::cameraId);

  /** The same read delivered twice (or by two rules) is one read. */
  public boolean sameRead(PlateCandidate other) {
    return plate.equals(other.plate) && cameraId.equals(other.cameraId) && ts.toInstant().equals(other.ts.toInstant());
  }
}
