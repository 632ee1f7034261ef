package city.parking.core;

/** The final answer to a payment request, kept so that a retry with the same key gets it again verbatim. */
public record PaymentResult(int status, String body) {}
