package city.platform;

import city.catalog.FunctionSpec;
import city.catalog.TableSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The environment variables a function gets from its catalog entry, in the cloud (CDK) and in the twin
 * alike: the physical name of each table it declares, under the table's variable, and the table SnapStart
 * priming reads (the first it may read: priming is a GetItem). A function finds no other table.
 */
public final class FunctionVariables {
  /** The folder {@link SiteFiles} serves, for a function that {@link FunctionSpec#servesWebFiles()}. */
  public static final String WEB_ROOT = "CITY_WEB_ROOT";
  /** Where the web pages send a person to sign in: the HTTP API's JWT issuer (unset: the pages take a pasted token). */
  public static final String OIDC_ISSUER = "CITY_OIDC_ISSUER";
  /** The pages' OpenID Connect client id at that issuer (one of the JWT authorizer's audiences). */
  public static final String OIDC_CLIENT_ID = "CITY_OIDC_CLIENT_ID";
  /** What the pages ask the provider for (unset: {@code openid}). */
  public static final String OIDC_SCOPE = "CITY_OIDC_SCOPE";

  private FunctionVariables() {}

  /**
   * @param tables the catalog's tables
   * @param physicalName a table id's physical name (a CloudFormation reference in CDK, the id in the twin)
   */
  public static Map<String, String> tables(FunctionSpec function, List<TableSpec> tables, Function<String, String> physicalName) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String tableId : function.tables()) {
      TableSpec table = tables.stream().filter(t -> t.id().equals(tableId)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(function.id() + " uses undeclared table " + tableId));
      variables.put(table.envVar(), physicalName.apply(tableId));
    }
    primingTable(function).ifPresent(tableId -> variables.put(AwsClients.PRIMING_TABLE, physicalName.apply(tableId)));
    return variables;
  }

  public static Optional<String> primingTable(FunctionSpec function) {
    return function.tableAccess().entrySet().stream().filter(e -> e.getValue().reads()).map(Map.Entry::getKey).findFirst();
  }
}
