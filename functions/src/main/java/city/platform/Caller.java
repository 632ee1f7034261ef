package city.platform;

import java.util.List;

/**
 * Who called, from the claims the HTTP API JWT authorizer validated (the twin's gateway passes the same).
 *
 * @param plates the vehicles the citizen owns; a citizen sees parking data of these plates only
 */
public record Caller(String subject, String role, List<String> plates) {
  public static final String OPS = "ops";

  public boolean isOps() {
    return OPS.equals(role);
  }
}
