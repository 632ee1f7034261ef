package city.dispatch.api;

import city.dispatch.api.Open311Xml.Shape;
import city.dispatch.core.CallTaker;
import city.dispatch.core.CitizenInbox;
import city.dispatch.core.CitizenNotifier;
import city.dispatch.core.ReporterNotices;
import city.dispatch.core.Channel;
import city.dispatch.core.Hotline;
import city.dispatch.core.HotlineSettings;
import city.dispatch.core.DispatchSettings;
import city.dispatch.core.FormFields;
import city.dispatch.core.Incident;
import city.dispatch.core.IncidentStatus;
import city.dispatch.core.IncidentEvents;
import city.dispatch.core.Open311Desk;
import city.dispatch.core.Open311Status;
import city.dispatch.core.Report;
import city.dispatch.core.ServiceDefinition;
import city.dispatch.core.ServiceRequest;
import city.platform.Caller;
import city.platform.City;
import city.platform.Endpoint;
import city.platform.HttpApiHandler;
import city.platform.HttpError;
import city.platform.HttpRequest;
import city.platform.HttpResponse;
import city.platform.InputBounds;
import city.platform.InvalidInput;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Open311 GeoReport v2 (JSON and XML, the spec's default: {@link Open311Xml}), public: citizens report without an account, or signed in through the citizen
 * route. An anonymous report of the most urgent kind waits for a call-taker, whose confirm and reject routes
 * ({@link CallTakerEndpoints}) this function serves too. Errors of the Open311 routes use the spec's shape,
 * {@code [{"code": 400, "description": "..."}]}. Nothing here returns or logs a reporter's contact details.
 *
 * <p>The single-request route is declared as {@code /open311/v2/requests/{id}}: API Gateway path variables
 * must span a whole path segment, so {@code {id}.json} cannot be a route; the handler takes the ".json" off.
 */
public final class Open311Handler extends HttpApiHandler {
  private static final int SERVICES_CACHE_SECONDS = 3600;

  public Open311Handler() {
    this(Wiring.fromEnvironment(City.current()), HotlineSettings.of(City.current()));
  }

  public Open311Handler(Wiring wiring) {
    this(wiring, HotlineSettings.defaults(wiring.settings()));
  }

  public Open311Handler(Wiring wiring, HotlineSettings hotline) {
    this(wiring, hotline, new Open311Desk(wiring.settings(), hotline, wiring.incidents(), wiring.dispatcher(), wiring.clock()));
  }

  private Open311Handler(Wiring wiring, HotlineSettings hotline, Open311Desk desk) {
    this(wiring, hotline, desk, new ReporterNotices(hotline, wiring.notifier()));
  }

  private Open311Handler(Wiring wiring, HotlineSettings hotline, Open311Desk desk, ReporterNotices notices) {
    super(endpoints(new Open311Views(wiring.settings(), hotline), desk,
        new CallTaker(wiring.settings(), wiring.incidents(), wiring.dispatcher(), wiring.clock()),
        new Hotline(wiring.settings(), hotline, wiring.incidents(), desk, wiring.dispatcher(), wiring.incidentEvents(),
            notices, wiring.clock()),
        wiring.incidentEvents(), notices, wiring.inbox()));
  }

  /**
   * The public POST is anonymous whatever it carries: a route without an authorizer gets no verified claims
   * from API Gateway, so a token there proves nothing. Signed-in citizens post to the citizen route, whose JWT
   * authorizer verified the token.
   */
  private static List<Endpoint> endpoints(Open311Views views, Open311Desk desk, CallTaker callTaker, Hotline hotline,
      IncidentEvents events, ReporterNotices notices, CitizenInbox inbox) {
    DispatchSettings settings = views.settings();
    List<Endpoint> endpoints = new ArrayList<>(List.of(
        open311("GET /open311/v2/discovery.json", Shape.DISCOVERY, Open311Handler::discovery),
        open311("GET /open311/v2/discovery.xml", Shape.DISCOVERY, Open311Handler::discovery),
        open311("GET /open311/v2/services/{code}", Shape.SERVICES, request -> definition(settings, request)),
        new Endpoint("GET /citizen/notifications", request -> HttpResponse.ok(
            new Notifications(inbox.of(request.requireCaller().subject()).stream().map(NotificationView::of).toList()))),
        open311("POST /open311/v2/requests/{id}/feedback.json", Shape.REQUESTS, request -> feedback(views, hotline, request))));
    for (String format : List.of(".json", ".xml")) {
      endpoints.addAll(List.of(
          open311("GET /open311/v2/services" + format, Shape.SERVICES, request -> services(settings)),
          open311("POST /open311/v2/requests" + format, Shape.REQUESTS,
              request -> submit(settings, desk, events, notices, request, Optional.empty())),
          open311("POST /open311/v2/citizen/requests" + format, Shape.REQUESTS,
              request -> submit(settings, desk, events, notices, request, Optional.of(request.requireCaller()))),
          open311("GET /open311/v2/requests" + format, Shape.REQUESTS, request -> search(views, desk, request))));
    }
    endpoints.add(open311("GET /open311/v2/requests/{id}", Shape.REQUESTS, request -> one(views, desk, request)));
    endpoints.addAll(CallTakerEndpoints.of(callTaker, events));
    endpoints.addAll(WorkOrderEndpoints.of(hotline, events, notices));
    return endpoints;
  }

  /**
   * The citizen's rating (a GeoReport v2 extension): only a citizen who filed the report signed in may give it; the
   * answer is the request as GET shows it.
   */
  private static HttpResponse feedback(Open311Views views, Hotline hotline, HttpRequest request) {
    Caller citizen = request.requireCaller();
    String id = request.pathParameter("id");
    Hotline.Result result = hotline.feedback(id, Hotline.Feedback.parse(fields(request)), Optional.of(citizen.subject()),
        Hotline.CITIZEN);
    WorkOrderEndpoints.refuse(result, id);
    return HttpResponse.ok(List.of(views.request(result.incident())));
  }

  /** A form body as the spec says, or a flat JSON object. */
  static Map<String, String> fields(HttpRequest request) {
    boolean json = request.header("content-type").map(t -> t.toLowerCase(Locale.ROOT).startsWith("application/json")).orElse(false);
    return new LinkedHashMap<>(json ? FormFields.json(request.jsonBody()) : FormFields.urlEncoded(request.body()));
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ServiceView(String serviceCode, String serviceName, String description, boolean metadata, String type,
      String keywords, String group) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Receipt(String serviceRequestId, String serviceNotice, String accountId) {}

  record Open311Error(int code, String description) {}

  /** What the citizen app shows: which request, what happened, the text, when. */
  record NotificationView(String workOrderId, String event, String text, OffsetDateTime at) {
    static NotificationView of(CitizenNotifier.Notification n) {
      return new NotificationView(n.workOrderId(), n.event(), n.text(), n.at());
    }
  }

  record Notifications(List<NotificationView> notifications) {}

  /** Answers in XML when the path ends in .xml (errors too, as the spec's errors element), in JSON otherwise. */
  private static Endpoint open311(String routeKey, Shape shape, Endpoint.Route route) {
    return new Endpoint(routeKey, request -> {
      HttpResponse response;
      try {
        response = route.handle(request);
      } catch (InvalidInput e) {
        response = error(400, e.getMessage());
      } catch (HttpError e) {
        response = error(e.status(), e.getMessage());
      }
      if (request.path() == null || !request.path().toLowerCase(Locale.ROOT).endsWith(".xml")) {
        return response;
      }
      String xml = Open311Xml.write(response.status() >= 400 ? Shape.ERRORS : shape, response.body());
      return new HttpResponse(response.status(), xml, response.headers()).withHeader("Content-Type", Open311Xml.CONTENT_TYPE);
    });
  }

  /** When this API last changed in a way clients see; the discovery document's changeset. */
  static final String CHANGESET = "2026-12-01T00:00:00Z";

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Discovery(String changeset, String contact, String keyService, List<DiscoveryEndpoint> endpoints) {}

  record DiscoveryEndpoint(String specification, String url, String changeset, String type, List<String> formats) {}

  /** The spec's discovery document: one production endpoint, this API's base URL as the caller reached it. */
  private static HttpResponse discovery(HttpRequest request) {
    String host = request.header("host").orElse("localhost");
    String scheme = request.header("x-forwarded-proto").orElse(host.startsWith("127.0.0.1") || host.startsWith("localhost")
        ? "http" : "https");
    return HttpResponse.ok(new Discovery(CHANGESET, "the city's 12345 hotline",
        "No API key is needed; a signed-in report uses a citizen token (POST /open311/v2/citizen/requests.json)",
        List.of(new DiscoveryEndpoint("http://wiki.open311.org/GeoReport_v2", scheme + "://" + host + "/open311/v2",
            CHANGESET, "production", List.of("text/xml", "application/json"))))).cacheableFor(SERVICES_CACHE_SECONDS);
  }

  /** No service has attributes (metadata is false for all), so a definition is always the spec's error. */
  private static HttpResponse definition(DispatchSettings settings, HttpRequest request) {
    String code = requestId(request.pathParameter("code"));
    if (settings.service(code).isEmpty()) {
      throw HttpError.notFound("no service " + code);
    }
    throw HttpError.notFound("service " + code + " has no service definition: its metadata is false");
  }

  private static HttpResponse error(int status, String description) {
    return HttpResponse.of(status, List.of(new Open311Error(status, description)));
  }

  private static HttpResponse services(DispatchSettings settings) {
    List<ServiceView> services = settings.services().stream()
        .map(s -> new ServiceView(s.serviceCode(), s.serviceName(), s.description(), false, "realtime", s.keywords(), s.group()))
        .toList();
    return HttpResponse.ok(services).cacheableFor(SERVICES_CACHE_SECONDS);
  }

  /** @param citizen the signed-in citizen, whose verified subject is kept as the reporter's account_id */
  private static HttpResponse submit(DispatchSettings settings, Open311Desk desk, IncidentEvents events,
      ReporterNotices notices, HttpRequest request, Optional<Caller> citizen) {
    Map<String, String> fields = fields(request);
    citizen.ifPresent(c -> fields.put("account_id", c.subject()));
    ServiceRequest serviceRequest = ServiceRequest.parse(fields, settings);
    Open311Desk.Submission submission = desk.submit(serviceRequest, request.header("idempotency-key"), Channel.OPEN311,
        citizen.map(Caller::subject));
    if (submission.outcome() == Open311Desk.Outcome.KEY_REUSED) {
      throw HttpError.conflict("this Idempotency-Key was already used for a different request");
    }
    Incident incident = submission.incident();
    notices.received(incident, submission.reporterId());
    // a replay is the client's retry: the first attempt may have created the request and failed to publish;
    // a report awaiting a call-taker is told to the city only when confirmed (CallTakerEndpoints)
    if (submission.outcome() == Open311Desk.Outcome.JOINED) {
      return HttpResponse.created(List.of(new Receipt(incident.incidentId(), Open311Views.alreadyReported(incident), null)));
    }
    if (incident.status() != IncidentStatus.AWAITING_CONFIRMATION) {
      events.opened(incident);
    }
    return HttpResponse.created(List.of(new Receipt(incident.incidentId(), Open311Status.notes(incident), null)));
  }

  private static HttpResponse one(Open311Views views, Open311Desk desk, HttpRequest request) {
    String id = requestId(request.pathParameter("id"));
    Incident incident = desk.request(id).orElseThrow(() -> HttpError.notFound("no service request " + id));
    return HttpResponse.ok(List.of(views.request(incident)));
  }

  /** "R-1a2b.json" or "R-1a2b.xml" -> "R-1a2b"; another format is refused. */
  static String requestId(String segment) {
    int dot = segment.lastIndexOf('.');
    if (dot < 0) {
      return segment;
    }
    String format = segment.substring(dot);
    if (!format.equalsIgnoreCase(".json") && !format.equalsIgnoreCase(".xml")) {
      throw new InvalidInput("the formats served are .json and .xml");
    }
    return segment.substring(0, dot);
  }

  private static HttpResponse search(Open311Views views, Open311Desk desk, HttpRequest request) {
    return HttpResponse.ok(desk.search(extractSearch(request)).stream().map(views::request).toList());
  }

  /** The query string's filters; a malformed date is refused here, the window and statuses by the desk. */
  static Open311Desk.Search extractSearch(HttpRequest request) {
    List<String> ids = request.idList("service_request_id");
    Optional<Instant> end = request.query("end_date").map(d -> date(d, "end_date"));
    Optional<Instant> start = request.query("start_date").map(d -> date(d, "start_date"));
    return new Open311Desk.Search(ids, Set.copyOf(list(request.query("service_code"))), start, end,
        Set.copyOf(list(request.query("status"))));
  }

  private static List<String> list(Optional<String> commaSeparated) {
    return commaSeparated.map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  private static Instant date(String text, String name) {
    try {
      return InputBounds.instant(name, OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw new InvalidInput(name + " must be ISO-8601 with offset, e.g. 2026-11-28T09:00:00+08:00");
    }
  }
}
