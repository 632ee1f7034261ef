package city.bikeshare.core.plan;

/**
 * What a plan achieves and costs.
 *
 * @param stationsOffTarget stations outside their target window when the plan was made
 * @param stationsVisited stations the plan corrects (some off-target ones may be skipped as too small a fix)
 * @param bikesMoved bikes that change place: max(picked up, dropped), since a bike picked up and dropped
 *     again counts once and the difference comes from or goes to the depot or stays on a truck
 * @param solverCost the solver's objective (meters, depot to depot), before routes were given to trucks
 */
public record PlanSummary(
    int stationsReporting,
    int stationsOffTarget,
    int stationsVisited,
    int bikesPickedUp,
    int bikesDropped,
    int bikesMoved,
    int bikesLoadedAtDepot,
    int bikesUnloadedAtDepot,
    long distanceMeters,
    int trucksUsed,
    int solverRoutes,
    long solverCost,
    long solverMillis) {}
