package city.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import city.local.Twin;
import city.local.TwinOptions;
import city.local.auth.Jwt;
import city.local.auth.OidcProvider;
import city.platform.Json;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in with OpenID Connect (authorization code + PKCE) in headless chromium: the console and the citizen app of a
 * real twin that trusts a real OpenID Connect provider on loopback (mock-oauth2-server: discovery, an interactive login
 * form, authorize, token with PKCE, JWKS). The person at the provider's login form gives the role claim, as an
 * identity provider's user attribute would.
 */
class OidcSignInBrowserTest {
  private static final String ISSUER_ID = "city";
  private static final String CLIENT_ID = "city-web";
  private static MockOAuth2Server provider;
  private static Twin twin;
  private static Browser browser;

  @BeforeAll
  static void providerTwinAndBrowser() {
    // the provider puts the API's audience into the tokens it issues to the pages' client, as one registered for it would
    provider = new MockOAuth2Server(OAuth2Config.Companion.fromJson("""
        {"interactiveLogin": true,
         "tokenCallbacks": [{"issuerId": "%s", "tokenExpiry": 600,
           "requestMappings": [{"requestParam": "client_id", "match": "%s", "claims": {"aud": ["%s"]}}]}]}
        """.formatted(ISSUER_ID, CLIENT_ID, Jwt.AUDIENCE)));
    provider.start(InetAddress.getLoopbackAddress(), 0);
    twin = Twin.start(TwinOptions.inMemory()
        .withOidc(new OidcProvider(issuer(), CLIENT_ID, Jwt.AUDIENCE, OidcProvider.DEFAULT_SCOPE)));
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (twin != null) {
      twin.close();
    }
    if (provider != null) {
      provider.shutdown();
    }
  }

  private static String issuer() {
    return provider.issuerUrl(ISSUER_ID).toString();
  }

  @Test
  void theConsoleSignsInAtTheProviderWithPkceAndKeepsTheTokenOutOfTheAddressBar() throws Exception {
    String authorize = signInAtTheProvider(twin.consoleUrl(), "ops-alice", "{\"role\": \"ops\"}");
    browser.await(By.cssSelector("body[data-signed-in='true']"));
    // the units come from GET /ops/snapshot, an ops route: the provider's token was accepted for data
    browser.await(By.cssSelector("#map [data-unit-id]"));

    HttpUrl asked = HttpUrl.get(authorize);
    assertEquals("code", asked.queryParameter("response_type"));
    assertEquals("S256", asked.queryParameter("code_challenge_method"));
    assertNotNull(asked.queryParameter("code_challenge"));
    assertEquals(twin.consoleUrl().toString(), asked.queryParameter("redirect_uri"), "back to the page itself");
    RecordedRequest logged = providerRequest("/" + ISSUER_ID + "/authorize");
    assertEquals("S256", logged.getRequestUrl().queryParameter("code_challenge_method"), "the provider's request log");
    assertTrue(providerRequest("/" + ISSUER_ID + "/token").getBody().readUtf8().contains("code_verifier="),
        "the browser proved the challenge when it exchanged the code");

    String token = (String) browser.script("return sessionStorage.getItem('city.token')");
    assertEquals(issuer(), claims(token).path("iss").asText(), "the provider's access token, not the twin's");
    assertEquals("ops-alice", claims(token).path("sub").asText());
    assertAddressBarClean(token, twin.consoleUrl());
  }

  @Test
  void theConsoleRefusesACitizenSignedInAtTheProvider() {
    signInAtTheProvider(twin.consoleUrl(), "citizen-bo", "{\"role\": \"citizen\"}");
    WebElement error = browser.await(By.cssSelector("#sign-in-error[data-status='403']"));
    assertTrue(error.getText().contains("citizen"), error.getText());
    assertTrue(browser.all(By.cssSelector("body[data-signed-in]")).isEmpty(), "not signed in");
    assertNull(browser.script("return sessionStorage.getItem('city.token')"), "the refused token is not kept");
    assertEquals("", browser.script("return location.search"), "code and state left the address bar");
  }

  @Test
  void anAnswerThisTabDidNotAskForIsRefusedAndLeavesTheAddressBar() {
    // a forged or replayed redirect: its state is none this tab keeps, so no code is exchanged
    browser.openFresh(twin.consoleUrl() + "?code=forged&state=not-this-tabs");
    WebElement error = browser.await(By.cssSelector("#sign-in-error[data-status='oidc']"));
    assertFalse(error.getText().isBlank());
    assertTrue(browser.all(By.cssSelector("body[data-signed-in]")).isEmpty(), "not signed in");
    assertNull(browser.script("return sessionStorage.getItem('city.token')"));
    assertEquals("", browser.script("return location.search"), "code and state left the address bar");
  }

  @Test
  void theAppSignsInACitizenAtTheProvider() throws Exception {
    signInAtTheProvider(twin.appUrl(), "citizen-bo", "{\"role\": \"citizen\", \"plates\": [\"京A12345\"]}");
    browser.await(By.cssSelector("body[data-signed-in='true']"));
    // entering lists the citizen's sessions (GET /parking/sessions, a citizen route): "nothing to pay" on a new city
    browser.await(By.cssSelector("#sessions li"));
    String token = (String) browser.script("return sessionStorage.getItem('city.token')");
    assertEquals(issuer(), claims(token).path("iss").asText());
    assertEquals("citizen", claims(token).path("role").asText());
    assertAddressBarClean(token, twin.appUrl());

    browser.driver.findElement(By.id("sign-out")).click();
    browser.await(By.id("sign-in"));
    new WebDriverWait(browser.driver, Browser.PAGE_TIMEOUT).until(d -> browser.script("return sessionStorage.getItem('city.token')") == null);
    assertTrue(browser.all(By.cssSelector("body[data-signed-in]")).isEmpty(), "signed out");
  }

  /**
   * The page's button, the provider's login form (username and the claims to give), and back.
   *
   * @return the authorize URL the page sent the browser to
   */
  private static String signInAtTheProvider(URI page, String username, String claims) {
    browser.openFresh(page.toString());
    WebElement button = browser.await(By.cssSelector("#sign-in-oidc[data-issuer]"));
    new WebDriverWait(browser.driver, Browser.PAGE_TIMEOUT).until(ExpectedConditions.visibilityOf(button));
    assertTrue(button.getText().contains(URI.create(issuer()).getAuthority()), button.getText());
    button.click();
    WebElement login = browser.await(By.name("username"));
    String authorize = browser.driver.getCurrentUrl();
    login.sendKeys(username);
    WebElement claimsField = browser.driver.findElement(By.name("claims"));
    claimsField.clear();
    claimsField.sendKeys(claims);
    login.submit();
    new WebDriverWait(browser.driver, Browser.PAGE_TIMEOUT).until(d -> d.getCurrentUrl().startsWith(page.toString()));
    return authorize;
  }

  private static void assertAddressBarClean(String token, URI page) {
    String address = browser.driver.getCurrentUrl();
    assertEquals(page.toString(), address, "no code, state or token in the address bar");
    assertFalse(address.contains(token));
    assertEquals("", browser.script("return location.search + location.hash"));
  }

  /** The first request to this path in the provider's log (it records every request it served, in order). */
  private static RecordedRequest providerRequest(String path) throws InterruptedException {
    List<String> seen = new ArrayList<>();
    RecordedRequest request;
    while ((request = provider.takeRequest(30, TimeUnit.SECONDS)) != null) {
      if (path.equals(request.getRequestUrl().encodedPath())) {
        return request;
      }
      seen.add(request.getMethod() + " " + request.getRequestUrl().encodedPath());
    }
    throw new AssertionError("the provider served no " + path + "; it served " + seen);
  }

  private static com.fasterxml.jackson.databind.JsonNode claims(String jwt) {
    return Json.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }
}
