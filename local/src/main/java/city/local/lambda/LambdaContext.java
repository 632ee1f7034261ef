package city.local.lambda;

import city.catalog.FunctionSpec;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Lambda context of one invocation: request id, function name, memory and the time left before its timeout. */
final class LambdaContext implements Context {
  private final FunctionSpec function;
  private final String requestId = UUID.randomUUID().toString();
  private final long deadlineMillis;
  private final Logger log;

  LambdaContext(FunctionSpec function) {
    this.function = function;
    this.deadlineMillis = System.currentTimeMillis() + function.timeoutSeconds() * 1000L;
    this.log = LoggerFactory.getLogger("lambda." + function.id());
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + function.id();
  }

  @Override
  public String getLogStreamName() {
    return "local-twin";
  }

  @Override
  public String getFunctionName() {
    return function.id();
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:local:000000000000:function:" + function.id();
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return function.memoryMb();
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        log.info(message);
      }

      @Override
      public void log(byte[] message) {
        log.info(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
