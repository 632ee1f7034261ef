package city.catalog;

/** Who may call an HTTP route. The cloud's JWT authorizer checks the token; the handler checks the role. */
public enum Access {
  /** No token: open data (public feeds, public reads). */
  PUBLIC,
  /** Any valid token; the handler scopes data to the caller's own claims. */
  CITIZEN,
  /** A valid token whose role claim is ops. */
  OPS
}
