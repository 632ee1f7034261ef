package city.local.http;

import java.time.Duration;

/**
 * What one of the twin's HTTP servers accepts before it answers with an error instead of a handler.
 *
 * @param maxBodyBytes a longer request body is refused with 413, by its Content-Length before a byte of it is
 *     read, or as soon as a chunked body passes the limit
 * @param maxHeaderBytes the request line and headers together; more is refused with 431 (414 for a long URI)
 * @param idleTimeout a connection that sends nothing for this long (in the middle of a request or between two)
 *     is closed: a partial request holds no thread while it waits, only its socket
 * @param maxThreads threads that run handlers; reading requests and waiting for bodies takes none of them
 */
public record HttpLimits(int maxBodyBytes, int maxHeaderBytes, Duration idleTimeout, int maxThreads) {
  /** API Gateway HTTP API's quotas: a 10 MB payload, 10 240 bytes of request line and headers, a 30 s timeout. */
  public static final HttpLimits API_GATEWAY = new HttpLimits(10 * 1024 * 1024, 10_240, Duration.ofSeconds(30), 64);
  /** The IoT data plane's Publish: a message is at most IoT Core's 128 KB. */
  public static final HttpLimits IOT_DATA_PLANE = new HttpLimits(128 * 1024, 10_240, Duration.ofSeconds(30), 16);

  public HttpLimits {
    if (maxBodyBytes < 0 || maxHeaderBytes < 1024 || idleTimeout.isNegative() || idleTimeout.isZero() || maxThreads < 4) {
      throw new IllegalArgumentException("unusable HTTP limits: " + maxBodyBytes + " body bytes, " + maxHeaderBytes
          + " header bytes, idle " + idleTimeout + ", " + maxThreads + " threads");
    }
  }

  public HttpLimits withIdleTimeout(Duration timeout) {
    return new HttpLimits(maxBodyBytes, maxHeaderBytes, timeout, maxThreads);
  }
}
