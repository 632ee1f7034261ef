package city.parking.core.tariff;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Cuts a session at window boundaries, counts increments per segment, prices them, then applies free period and cap. */
final class TariffEngine {

    private TariffEngine() {
    }

    private record Occurrence(ChargingWindow window, Instant start, Instant end) {
    }

    private record Piece(Instant start, Instant end, Optional<ChargingWindow> window) {
    }

    private record PricedIncrement(Instant start, long fen) {
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
        List<PricedIncrement> increments = new ArrayList<>();
        for (Piece piece : pieces) {
            List<PricedIncrement> pieceIncrements = withinFreePeriod || piece.window().isEmpty()
                    ? List.of()
                    : price(piece, piece.window().get(), start);
            increments.addAll(pieceIncrements);
            segments.add(new FeeSegment(piece.start(), piece.end(), piece.window().map(ChargingWindow::name),
                    group(pieceIncrements, piece.window().map(ChargingWindow::increment).orElse(Duration.ZERO))));
        }
        long uncapped = segments.stream().mapToLong(FeeSegment::fen).reduce(0L, Math::addExact);
        List<DailyCapReduction> reductions = rates.dailyCap()
                .map(cap -> capReductions(cap, increments, tariff.timeZone()))
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

    private static List<PricedIncrement> price(Piece piece, ChargingWindow window, Instant sessionStart) {
        long count = window.rounding().units(Duration.between(piece.start(), piece.end()), window.increment());
        List<PricedIncrement> increments = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            Instant incrementStart = piece.start().plus(window.increment().multipliedBy(i));
            long fen = window.fenForIncrementStartingAt(Duration.between(sessionStart, incrementStart));
            increments.add(new PricedIncrement(incrementStart, fen));
        }
        return increments;
    }

    private static List<UnitCharge> group(List<PricedIncrement> increments, Duration increment) {
        List<UnitCharge> charges = new ArrayList<>();
        for (PricedIncrement priced : increments) {
            int last = charges.size() - 1;
            if (last >= 0 && charges.get(last).fenPerUnit() == priced.fen()) {
                charges.set(last, new UnitCharge(charges.get(last).count() + 1, increment, priced.fen()));
            } else {
                charges.add(new UnitCharge(1, increment, priced.fen()));
            }
        }
        return charges;
    }

    /** Increments belong to the tariff day in which they start; a tariff day begins at the cap's reset time. */
    private static List<DailyCapReduction> capReductions(DailyCap cap, List<PricedIncrement> increments, ZoneId zone) {
        Map<LocalDate, Long> fenPerTariffDay = new TreeMap<>();
        for (PricedIncrement priced : increments) {
            LocalDateTime local = LocalDateTime.ofInstant(priced.start(), zone);
            LocalDate tariffDay = local.toLocalTime().isBefore(cap.resetTime())
                    ? local.toLocalDate().minusDays(1)
                    : local.toLocalDate();
            fenPerTariffDay.merge(tariffDay, priced.fen(), Math::addExact);
        }
        List<DailyCapReduction> reductions = new ArrayList<>();
        fenPerTariffDay.forEach((day, fen) -> {
            if (fen > cap.maxFenPerDay()) {
                reductions.add(new DailyCapReduction(day, fen, fen - cap.maxFenPerDay()));
            }
        });
        return reductions;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
