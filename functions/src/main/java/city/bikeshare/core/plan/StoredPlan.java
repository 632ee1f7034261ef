package city.bikeshare.core.plan;

import java.util.Optional;

/** A plan as kept, with where it is in its life. */
public record StoredPlan(Plan plan, PlanStatus status, Optional<String> supersededBy) {}
