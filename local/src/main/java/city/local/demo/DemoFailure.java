package city.local.demo;

/** The demo could not do its job (the twin did not start, the summary could not be read): exit code 1. */
public final class DemoFailure extends RuntimeException {
  DemoFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
