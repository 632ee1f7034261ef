package city.local.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/** Writing a whole response: a fixed length, or no body at all where HTTP forbids one. */
final class Responses {
  private Responses() {}

  static void json(Request request, Response response, Callback callback, int status, String json) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    send(request, response, callback, status, json.getBytes(StandardCharsets.UTF_8));
  }

  static void send(Request request, Response response, Callback callback, int status, byte[] body) {
    response.setStatus(status);
    boolean noBody = body.length == 0 || status == 204 || status == 304 || request.getMethod().equals("HEAD");
    if (noBody) {
      if (status != 204 && status != 304) {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
      }
      response.write(true, BufferUtil.EMPTY_BUFFER, callback);
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
