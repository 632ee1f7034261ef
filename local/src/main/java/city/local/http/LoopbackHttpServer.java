package city.local.http;

import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * An embedded Jetty (core API, HTTP/1.1) on 127.0.0.1 with {@link HttpLimits}: requests are parsed on a
 * selector without a thread of their own, so slow clients cannot take the handlers' threads; bodies beyond
 * the limit are refused before they are read. Errors Jetty answers itself (400, 413, 414, 431) carry JSON
 * bodies ({@link JsonErrorHandler}). The port is bound on construction (so it is known before the first request
 * can arrive), served from {@link #start()}; stopping lets running requests finish, at most 5 s.
 */
final class LoopbackHttpServer {
  static final String LOOPBACK = "127.0.0.1";
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);
  private static final int MIN_THREADS = 2;
  /**
   * Routes are matched on the raw path, segment by segment, so an encoded '/' or '%' inside a segment is a
   * value like any other (a plate, an MQTT topic): Jetty's default would refuse such paths as ambiguous.
   */
  private static final UriCompliance RAW_PATHS = UriCompliance.DEFAULT.with("RAW_PATHS",
      UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
      UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
      UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT);

  private final Server server;
  private final ServerConnector connector;
  private final String name;

  /** @param port the port, or 0 for a free one; bound at once */
  LoopbackHttpServer(int port, HttpLimits limits, String name, Request.Handler handler) {
    this.name = name;
    QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), MIN_THREADS);
    threads.setName(name);
    threads.setDaemon(true);
    threads.setReservedThreads(0);
    // daemon threads only: a server left running never keeps the JVM alive
    server = new Server(threads, new ScheduledExecutorScheduler(name + "-timer", true), null);

    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(limits.maxHeaderBytes());
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setUriCompliance(RAW_PATHS);
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(LOOPBACK);
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    server.addConnector(connector);

    SizeLimitHandler bodyLimit = new SizeLimitHandler(limits.maxBodyBytes(), -1);
    bodyLimit.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return handler.handle(request, response, callback);
      }
    });
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(bodyLimit);
    server.setHandler(graceful);
    server.setErrorHandler(new JsonErrorHandler());
    server.setStopTimeout(STOP_WAIT.toMillis());
    server.setStopAtShutdown(false);
    try {
      connector.open();
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + LOOPBACK + ":" + port + " for the " + name + ": " + e.getMessage(), e);
    }
  }

  /** Serves on the port the constructor bound. */
  void start() {
    try {
      server.start();
    } catch (Exception e) {
      stop();
      throw new IllegalStateException("the " + name + " did not start: " + e.getMessage(), e);
    }
  }

  int port() {
    return connector.getLocalPort();
  }

  /** Lets running requests finish (at most 5 s), then closes the port. */
  void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the " + name + " failed", e);
    }
  }
}
