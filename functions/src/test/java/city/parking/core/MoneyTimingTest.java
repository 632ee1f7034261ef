package city.parking.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import city.catalog.Catalog;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The leases that keep money safe without transactions hold only against the functions' timeouts in the
 * catalog: a function that could outlive its lease could mark, refund or pay what another step owns.
 */
class MoneyTimingTest {
  private static Duration timeout(String functionId) {
    return Duration.ofSeconds(Catalog.standard().function(functionId).timeoutSeconds());
  }

  @Test
  void anInvocationThatMayStillChargeHasEndedLongBeforeTheReconciliationTakesItsIntent() {
    Duration lastMark = PaymentIntent.CHARGE_WINDOW.plus(timeout("ParkingSessionsApi"));
    assertTrue(lastMark.multipliedBy(2).compareTo(PaymentIntent.RECONCILE_AFTER) < 0,
        lastMark + " against " + PaymentIntent.RECONCILE_AFTER);
  }

  @Test
  void aRefundClaimOutlivesTheRunThatMadeIt() {
    assertTrue(timeout("ParkingReconciliation").compareTo(PaymentReconciliation.REFUND_LEASE) < 0);
  }

  /** Lambda retries a failed asynchronous invocation after 1 minute, then after 2 more. */
  @Test
  void aCorrectionsHoldOutlivesTheInvocationThatTookItAndBothRetries() {
    Duration lastRetryEnds = Duration.ofMinutes(3).plus(timeout("ParkingOccupancy").multipliedBy(3));
    assertTrue(lastRetryEnds.compareTo(LateReadingCorrection.HOLD) < 0, lastRetryEnds.toString());
  }
}
