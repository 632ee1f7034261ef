package city.local.http;

import city.platform.Json;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself (a malformed request, headers or body over the limit, a failed read), in API
 * Gateway's shape: {@code {"message": "..."}} with the reason, never a stack trace or an HTML page.
 */
final class JsonErrorHandler implements Request.Handler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
    String reason = HttpStatus.getMessage(status);
    String detail = request.getAttribute(ErrorHandler.ERROR_MESSAGE) instanceof String text ? text : null;
    String message = detail == null || detail.isBlank() || detail.equals(reason) ? reason : reason + ": " + detail;
    Responses.json(request, response, callback, status, Json.write(Map.of("message", message)));
    return true;
  }
}
