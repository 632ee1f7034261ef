package city.dispatch.core;

import java.time.OffsetDateTime;

/**
 * One person who reported a work order (the first, or a duplicate that joined it). No personal data: their contact
 * is kept in the contacts item under {@code reporterId}, which is the id their own request would have had.
 *
 * @param citizen the subject of the citizen token the report was filed with (who may rate it); null for an
 *     anonymous or phoned-in report
 */
public record Reporter(String reporterId, Channel channel, String citizen, OffsetDateTime at) {}
