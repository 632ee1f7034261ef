package city.local.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server on 127.0.0.1 that stops as soon as its running exchanges are done (the JDK server's
 * own grace delay always runs to its end).
 */
final class LoopbackHttpServer {
  private static final long STOP_WAIT_NANOS = 5_000_000_000L;

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger active = new AtomicInteger();

  /** @param port the port, or 0 for a free one */
  LoopbackHttpServer(int port, int threads, String name, HttpHandler handler) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " for the " + name, e);
    }
    AtomicInteger count = new AtomicInteger();
    executor = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      active.incrementAndGet();
      try {
        handler.handle(exchange);
      } finally {
        active.decrementAndGet();
      }
    });
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Lets running exchanges finish (at most 5 s), then closes the port. */
  void stop() {
    long deadline = System.nanoTime() + STOP_WAIT_NANOS;
    while (active.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
