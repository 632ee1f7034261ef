package city.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what a well-behaved client never does: stop in the middle of a request, or
 * announce more body than it sends. Every read has a deadline, so a server that never answers fails the test.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;

  private RawHttp(Socket socket) {
    this.socket = socket;
  }

  public static RawHttp connect(int port, Duration readDeadline) {
    try {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout((int) readDeadline.toMillis());
      return new RawHttp(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to 127.0.0.1:" + port, e);
    }
  }

  public RawHttp send(String text) {
    try {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code bytes} of body in the background while the test reads the answer; stops quietly when the server
   * closes the connection (which a server that refused the body may do).
   */
  public void sendInBackground(long bytes, boolean chunked) {
    Thread sender = new Thread(() -> {
      byte[] piece = new byte[64 * 1024];
      Arrays.fill(piece, (byte) 'x');
      try {
        OutputStream out = socket.getOutputStream();
        for (long sent = 0; sent < bytes; sent += piece.length) {
          int length = (int) Math.min(piece.length, bytes - sent);
          if (chunked) {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          }
          out.write(piece, 0, length);
          if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
        }
        out.flush();
      } catch (IOException serverClosed) {
        // the answer, not the upload, is what the test looks at
      }
    }, "raw-http-sender");
    sender.setDaemon(true);
    sender.start();
  }

  /** The status code of the answer, after reading its head and its Content-Length of body. */
  public Answer answer() {
    try {
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("connection closed before a whole answer; got: " + head.toString(StandardCharsets.ISO_8859_1));
        }
        head.write(b);
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String headText = head.toString(StandardCharsets.ISO_8859_1);
      int length = 0;
      for (String line : headText.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring("content-length:".length()).trim());
        }
      }
      byte[] body = in.readNBytes(length);
      int status = Integer.parseInt(headText.split(" ", 3)[1]);
      return new Answer(status, headText, new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("no answer from the server", e);
    }
  }

  /**
   * Whether the server closes the connection within the read deadline: whatever it says first (a 408, say) is
   * read and dropped until the stream ends or the connection is reset.
   */
  public boolean closedByServer() {
    try {
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {
        // an answer before the close
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  public record Answer(int status, String head, String body) {}

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a test's socket: nothing to report
    }
  }
}
