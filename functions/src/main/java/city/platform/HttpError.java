package city.platform;

/** A refusal the HTTP adapter turns into its status and reason. Reasons are shown to callers: no internals. */
public final class HttpError extends RuntimeException {
  private final int status;

  private HttpError(int status, String reason) {
    super(reason, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static HttpError unauthorized(String reason) {
    return new HttpError(401, reason);
  }

  public static HttpError forbidden(String reason) {
    return new HttpError(403, reason);
  }

  public static HttpError notFound(String reason) {
    return new HttpError(404, reason);
  }

  public static HttpError conflict(String reason) {
    return new HttpError(409, reason);
  }
}
