package city.parking.core.tariff;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Cuts a session at window boundaries, counts increments per segment, prices them, then applies free period and
 * cap. Increments are priced in runs (one per rate line a segment touches, split again at tariff-day changes for
 * the cap), never one object per increment: the work grows with the days a session spans, not its increments.
 */
final class TariffEngine {

    private TariffEngine() {
    }

    private record Occurrence(ChargingWindow window, Instant start, Instant end) {
    }

    private record Piece(Instant start, Instant end, Optional<ChargingWindow> window) {
    }

    /** {@code count} consecutive increments of one price, the first starting at {@code firstStart}. */
    private record PricedRun(Instant firstStart, Duration increment, long count, long fen) {
        Instant start(long index) {
            return firstStart.plus(increment.multipliedBy(index));
        }

        /** The index of the first increment of this run that starts at or after {@code instant}. */
        long firstIndexFrom(Instant instant) {
            return firstIndexFrom(Duration.between(firstStart, instant), increment);
        }

        static long firstIndexFrom(Duration sinceFirst, Duration increment) {
            if (sinceFirst.isNegative() || sinceFirst.isZero()) {
                return 0;
            }
            long nanos = sinceFirst.toNanos();
            long step = increment.toNanos();
            return nanos / step + (nanos % step == 0 ? 0 : 1);
        }
    }

    static FeeBreakdown breakdown(Tariff tariff, String zoneClass, Instant start, Instant end) {
        ZoneClassRates rates = tariff.rates(zoneClass);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("session ends before it starts: " + start + " > " + end);
        }
        List<Piece> pieces = cut(tariff, rates, start, end);
        Duration chargeableTime = pieces.stream()
                .filter(piece -> piece.window().isPresent())
                .map(piece -> Duration.between(piece.start(), piece.end()))
                .reduce(Duration.ZERO, Duration::plus);
        boolean withinFreePeriod = !chargeableTime.isZero() && chargeableTime.compareTo(rates.freePeriod()) <= 0;

        List<FeeSegment> segments = new ArrayList<>();
        List<PricedRun> runs = new ArrayList<>();
        for (Piece piece : pieces) {
            List<PricedRun> pieceRuns = withinFreePeriod || piece.window().isEmpty()
                    ? List.of()
                    : price(piece, piece.window().get(), start);
            runs.addAll(pieceRuns);
            segments.add(new FeeSegment(piece.start(), piece.end(), piece.window().map(ChargingWindow::name),
                    group(pieceRuns)));
        }
        long uncapped = segments.stream().mapToLong(FeeSegment::fen).reduce(0L, Math::addExact);
        List<DailyCapReduction> reductions = rates.dailyCap()
                .map(cap -> capReductions(cap, runs, tariff.timeZone()))
                .orElse(List.of());
        long reduced = reductions.stream().mapToLong(DailyCapReduction::reductionFen).sum();
        return new FeeBreakdown(tariff.name(), zoneClass, start, end, segments, withinFreePeriod, reductions,
                uncapped - reduced);
    }

    private static List<Piece> cut(Tariff tariff, ZoneClassRates rates, Instant start, Instant end) {
        List<Piece> pieces = new ArrayList<>();
        Instant cursor = start;
        while (cursor.isBefore(end)) {
            Optional<Occurrence> open = occurrenceContaining(tariff, rates, cursor);
            Instant nextOpening = nextOpening(tariff, rates, cursor, end);
            Instant pieceEnd = min(open.isPresent() ? open.get().end() : nextOpening, end);
            if (open.isPresent() && nextOpening.isBefore(pieceEnd)) {
                throw new IllegalStateException("tariff " + tariff.name() + ": window " + open.get().window().name()
                        + " overlaps a window opening at " + nextOpening);
            }
            pieces.add(new Piece(cursor, pieceEnd, open.map(Occurrence::window)));
            cursor = pieceEnd;
        }
        return pieces;
    }

    private static Optional<Occurrence> occurrenceContaining(Tariff tariff, ZoneClassRates rates, Instant instant) {
        LocalDate today = instant.atZone(tariff.timeZone()).toLocalDate();
        List<Occurrence> containing = new ArrayList<>();
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            for (Occurrence occurrence : occurrencesOn(tariff, rates, day)) {
                if (!occurrence.start().isAfter(instant) && instant.isBefore(occurrence.end())) {
                    containing.add(occurrence);
                }
            }
        }
        if (containing.size() > 1) {
            throw new IllegalStateException("tariff " + tariff.name() + ": windows "
                    + containing.stream().map(o -> o.window().name()).toList() + " overlap at " + instant);
        }
        return containing.stream().findFirst();
    }

    /** The first window opening after {@code after} on a day up to the session's last day, else {@code end}. */
    private static Instant nextOpening(Tariff tariff, ZoneClassRates rates, Instant after, Instant end) {
        LocalDate lastDay = end.atZone(tariff.timeZone()).toLocalDate();
        for (LocalDate day = after.atZone(tariff.timeZone()).toLocalDate(); !day.isAfter(lastDay); day = day.plusDays(1)) {
            Optional<Instant> opening = occurrencesOn(tariff, rates, day).stream()
                    .map(Occurrence::start)
                    .filter(start -> start.isAfter(after))
                    .min(Instant::compareTo);
            if (opening.isPresent()) {
                return opening.get();
            }
        }
        return end;
    }

    private static List<Occurrence> occurrencesOn(Tariff tariff, ZoneClassRates rates, LocalDate day) {
        List<Occurrence> occurrences = new ArrayList<>();
        for (ChargingWindow window : rates.windows()) {
            if (!window.days().includes(day, tariff.workingDays())) {
                continue;
            }
            LocalDate closingDay = window.to().isAfter(window.from()) ? day : day.plusDays(1);
            Instant opens = day.atTime(window.from()).atZone(tariff.timeZone()).toInstant();
            Instant closes = closingDay.atTime(window.to()).atZone(tariff.timeZone()).toInstant();
            if (closes.isAfter(opens)) {
                occurrences.add(new Occurrence(window, opens, closes));
            }
        }
        return occurrences;
    }

    /**
     * The piece's increments by rate line: a line prices the increments that begin from its {@code durationStart}
     * after the session's start until the next line's.
     */
    private static List<PricedRun> price(Piece piece, ChargingWindow window, Instant sessionStart) {
        Duration increment = window.increment();
        long count = window.rounding().units(Duration.between(piece.start(), piece.end()), increment);
        Duration pieceOffset = Duration.between(sessionStart, piece.start());
        List<RateLine> lines = window.rateLines();
        List<PricedRun> runs = new ArrayList<>();
        long from = 0;
        for (int line = 0; line < lines.size() && from < count; line++) {
            long until = line + 1 < lines.size()
                    ? Math.min(count, PricedRun.firstIndexFrom(lines.get(line + 1).durationStart().minus(pieceOffset), increment))
                    : count;
            if (until > from) {
                runs.add(new PricedRun(piece.start().plus(increment.multipliedBy(from)), increment, until - from,
                        lines.get(line).fenPerIncrement()));
                from = until;
            }
        }
        return runs;
    }

    private static List<UnitCharge> group(List<PricedRun> runs) {
        List<UnitCharge> charges = new ArrayList<>();
        for (PricedRun run : runs) {
            int last = charges.size() - 1;
            if (last >= 0 && charges.get(last).fenPerUnit() == run.fen()) {
                charges.set(last, new UnitCharge(charges.get(last).count() + run.count(), run.increment(), run.fen()));
            } else {
                charges.add(new UnitCharge(run.count(), run.increment(), run.fen()));
            }
        }
        return charges;
    }

    /** Increments belong to the tariff day in which they start; a tariff day begins at the cap's reset time. */
    private static List<DailyCapReduction> capReductions(DailyCap cap, List<PricedRun> runs, ZoneId zone) {
        Map<LocalDate, Long> fenPerTariffDay = new TreeMap<>();
        for (PricedRun run : runs) {
            long index = 0;
            while (index < run.count()) {
                Instant first = run.start(index);
                long until = Math.min(run.count(), Math.max(index + 1, run.firstIndexFrom(nextTariffDayChange(first, cap, zone))));
                fenPerTariffDay.merge(tariffDay(first, cap, zone), Math.multiplyExact(until - index, run.fen()), Math::addExact);
                index = until;
            }
        }
        List<DailyCapReduction> reductions = new ArrayList<>();
        fenPerTariffDay.forEach((day, fen) -> {
            if (fen > cap.maxFenPerDay()) {
                reductions.add(new DailyCapReduction(day, fen, fen - cap.maxFenPerDay()));
            }
        });
        return reductions;
    }

    private static LocalDate tariffDay(Instant instant, DailyCap cap, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        return local.toLocalTime().isBefore(cap.resetTime()) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    /**
     * The first instant after {@code after} at which the tariff day may change: the next reset time at the
     * current UTC offset, or the zone's next offset change if that comes first (local time jumps there). Between
     * the two, local time runs on evenly, so every increment starting in between has the tariff day of {@code after}.
     */
    private static Instant nextTariffDayChange(Instant after, DailyCap cap, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        LocalDateTime local = LocalDateTime.ofInstant(after, zone);
        LocalDateTime reset = local.toLocalDate().atTime(cap.resetTime());
        if (!reset.isAfter(local)) {
            reset = reset.plusDays(1);
        }
        Instant nextReset = reset.toInstant(rules.getOffset(after));
        ZoneOffsetTransition transition = rules.nextTransition(after);
        return transition != null && transition.getInstant().isBefore(nextReset) ? transition.getInstant() : nextReset;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
