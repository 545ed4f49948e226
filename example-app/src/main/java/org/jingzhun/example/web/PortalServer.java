package org.jingzhun.example.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.commons.csv.CSVPrinter;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.funds.FundReport;
import org.jingzhun.core.funds.FundsService;
import org.jingzhun.core.funds.HouseholdFunds;
import org.jingzhun.core.statistics.RegionStatistics;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.error.ConflictException;
import org.jingzhun.spi.error.JingzhunException;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.StorageException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionTree;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example portal (扶贫信息门户): a web UI and REST API over one {@link Jingzhun} instance, as a county would run
 * it. Users sign in (the {@link PortalLogin} a host provides; the demo's is {@link UsersFile}) and every request acts
 * as the {@link Principal} of its session, never as one named by a parameter or header. Sessions end after an idle
 * timeout or at logout; a user name is locked after repeated wrong passwords. Every call goes through the library's
 * scope and permission checks, and names, citizen IDs, phone and bank numbers are de-identified on screens, in JSON and
 * in downloads unless the principal holds {@link Permission#VIEW_PERSONAL_DATA}.
 *
 * <p>The HTTP surface: it listens on 127.0.0.1 unless told otherwise; every response carries a Content-Security-Policy
 * without inline script or style, {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY},
 * {@code Referrer-Policy: no-referrer} and {@code Cache-Control: no-store}; every state-changing request needs the
 * session's CSRF token in {@code X-CSRF-Token} (the session cookie is {@code HttpOnly; SameSite=Strict}); errors,
 * Jetty's own 400/414/431 included, are JSON {@code {code, message, messageZh, violations?}}; the SLF4J logger
 * {@code access} records who asked for what, and which household each user read.
 *
 * <p>The API: {@code POST /api/login}, {@code POST /api/logout}, {@code /api/me}, {@code /api/summary},
 * {@code /api/breakdown}, {@code /api/regions}, {@code /api/years}, {@code /api/dashboard?year=},
 * {@code /api/households}, {@code /api/households/{id}} (and {@code /history}, {@code /plans}, {@code /funds},
 * {@code /benefits?year=} the 明白卡), {@code /api/funds?area=&year=}, the clerk's work {@code /api/cases?year=&mine=},
 * {@code POST /api/cases/{entry|exit}/{id}/{vote|notice|approve|reject|object}}, {@code /api/notices?year=}; downloads
 * {@code /download/households.csv}, {@code /download/households.json}, {@code /download/summary.csv},
 * {@code /download/funds.csv}.
 */
public final class PortalServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);
    /** Who read what: one line per request and one per household read, for the county's own audit. */
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final String JSON = "application/json; charset=utf-8";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 500;
    private static final int EXPORT_PAGE = 1_000;
    static final String COOKIE = "JZSESSION";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "jz.principal";
    private static final String SESSION = "jz.session";
    /** No inline script or style anywhere: the page is one HTML file, one script and one stylesheet. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                    + "frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");

    /**
     * How a portal runs: where it listens, who may sign in, the yearly trajectory for the dashboard (may be
     * {@code null}), session idle timeout, lockout after {@code maxFailures} wrong passwords for {@code lockout}, and
     * the clock sessions and lockouts follow.
     */
    public record Options(String host, int port, PortalLogin login, List<YearlyFigures> years, Duration idleTimeout,
            int maxFailures, Duration lockout, Clock clock) {
        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(login, "login");
            years = years == null ? null : List.copyOf(years);
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(lockout, "lockout");
            Objects.requireNonNull(clock, "clock");
        }

        /** Loopback, port 7070, 30 minutes idle, 5 failures lock a user name for 15 minutes, the system clock. */
        public static Options defaults(PortalLogin login) {
            return new Options("127.0.0.1", 7070, login, null, Duration.ofMinutes(30), 5, Duration.ofMinutes(15),
                    Clock.systemUTC());
        }

        public Options withHost(String h) {
            return new Options(h, port, login, years, idleTimeout, maxFailures, lockout, clock);
        }

        /** Port 0 picks a free port. */
        public Options withPort(int p) {
            return new Options(host, p, login, years, idleTimeout, maxFailures, lockout, clock);
        }

        public Options withYears(List<YearlyFigures> y) {
            return new Options(host, port, login, y, idleTimeout, maxFailures, lockout, clock);
        }

        public Options withIdleTimeout(Duration d) {
            return new Options(host, port, login, years, d, maxFailures, lockout, clock);
        }

        public Options withLockout(int failures, Duration d) {
            return new Options(host, port, login, years, idleTimeout, failures, d, clock);
        }

        public Options withClock(Clock c) {
            return new Options(host, port, login, years, idleTimeout, maxFailures, lockout, c);
        }
    }

    /** A refusal decided by the portal itself (not signed in, bad CSRF token...), answered as JSON. */
    static final class Refusal extends RuntimeException {
        final int status;
        final String code;
        final String messageZh;

        Refusal(int status, String code, String message, String messageZh) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.messageZh = messageZh;
        }
    }

    private final Jingzhun jz;
    private final List<YearlyFigures> years;
    private final ObjectMapper json;
    private final Sessions sessions;
    private final String host;
    private final Javalin app;

    private PortalServer(Jingzhun jz, Options options) {
        this.jz = Objects.requireNonNull(jz, "jz");
        this.years = options.years();
        this.json = jz.json();
        this.host = options.host();
        this.sessions = new Sessions(options.login(), options.clock(), options.idleTimeout(), options.maxFailures(),
                options.lockout());
        this.app = Javalin.create(config -> {
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = SECURITY_HEADERS;
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(json)));
            config.routes.before(this::guard);
            config.routes.after(this::logAccess);
            config.routes.post("/api/login", this::login);
            config.routes.post("/api/logout", this::logout);
            config.routes.get("/api/me", this::me);
            config.routes.get("/api/summary", this::summary);
            config.routes.get("/api/breakdown", this::breakdown);
            config.routes.get("/api/regions", this::regions);
            config.routes.get("/api/years", this::years);
            config.routes.get("/api/dashboard", this::dashboard);
            config.routes.get("/api/households", this::households);
            config.routes.get("/api/households/{id}", this::household);
            config.routes.get("/api/households/{id}/history", this::history);
            config.routes.get("/api/households/{id}/plans", this::plans);
            config.routes.get("/api/households/{id}/funds", this::householdFunds);
            config.routes.get("/api/households/{id}/benefits", this::benefits);
            config.routes.get("/api/funds", this::funds);
            config.routes.get("/api/cases", this::cases);
            config.routes.post("/api/cases/{kind}/{id}/{action}", this::caseStep);
            config.routes.get("/api/notices", this::notices);
            config.routes.get("/download/households.csv", this::householdsCsv);
            config.routes.get("/download/households.json", this::householdsJson);
            config.routes.get("/download/summary.csv", this::summaryCsv);
            config.routes.get("/download/funds.csv", this::fundsCsv);
            // Last, so every real endpoint matches first: an unknown API path is a JSON 404.
            config.routes.get("/api/*", ctx -> error(ctx, 404, "api.not_found", "No such endpoint: " + ctx.path(),
                    "接口不存在：" + ctx.path(), null));
            config.routes.exception(Refusal.class, (e, ctx) -> error(ctx, e.status, e.code, e.getMessage(),
                    e.messageZh, null));
            config.routes.exception(JingzhunException.class, this::failed);
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, "request.invalid",
                    e.getMessage(), "请求参数无效：" + e.getMessage(), null));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Portal request {} failed", ctx.path(), e);
                error(ctx, 500, "internal", "Internal error", "系统内部错误", null);
            });
        });
    }

    /** Starts a portal with {@code options}; see {@link Options#defaults(PortalLogin)}. */
    public static PortalServer start(Jingzhun jz, Options options) {
        PortalServer server = new PortalServer(jz, options);
        server.app.start(options.host(), options.port());
        LOG.info("Portal on http://{}:{}/ (sessions idle out after {})", displayHost(options.host()), server.port(),
                options.idleTimeout());
        return server;
    }

    private static String displayHost(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The port the portal listens on. */
    public int port() {
        return app.port();
    }

    /** The address the portal listens on, e.g. {@code 127.0.0.1}. */
    public String host() {
        return host;
    }

    /** Stops the web server; the {@link Jingzhun} instance stays open (the host owns it). */
    @Override
    public void close() {
        app.stop();
    }

    // ---- sessions and the HTTP surface ---------------------------------------------------------------------------

    private static boolean isProtected(String path) {
        return path.startsWith("/api/") || path.startsWith("/download/");
    }

    private static boolean changesState(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    /** Headers on every answer; then who the caller is (from the session cookie only) and the CSRF check. */
    private void guard(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        String path = ctx.path();
        String method = ctx.method().name();
        if (path.equals("/api/login")) {
            if (changesState(method)) {
                requireJsonFromHere(ctx);
            }
            return;
        }
        if (!isProtected(path)) {
            if (changesState(method)) {
                throw new Refusal(405, "request.method", "Method not allowed", "不支持的请求方法");
            }
            return;
        }
        String cookie = ctx.cookie(COOKIE);
        Sessions.Session session = sessions.touch(cookie).orElse(null);
        if (session == null) {
            if (cookie != null) {
                clearCookie(ctx);
                throw new Refusal(401, "session.expired", "Your session has ended; please sign in again",
                        "会话已过期，请重新登录");
            }
            throw new Refusal(401, "login.required", "Please sign in", "请先登录");
        }
        if (changesState(method)) {
            String token = ctx.header(CSRF_HEADER);
            if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    session.csrfToken.getBytes(StandardCharsets.UTF_8))) {
                throw new Refusal(403, "csrf.invalid", "Missing or wrong CSRF token", "请求校验失败（CSRF），请刷新页面后重试");
            }
        }
        ctx.attribute(PRINCIPAL, session.principal);
        ctx.attribute(SESSION, session);
    }

    /**
     * The login form posts JSON from the portal's own page: a cross-site form cannot send that content type without
     * a preflight, and a browser that names another origin is refused outright.
     */
    private static void requireJsonFromHere(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new Refusal(415, "request.content_type", "Send JSON", "请求须为 JSON");
        }
        String origin = ctx.header("Origin");
        String hostHeader = ctx.header("Host");
        if (origin != null && !origin.equals("null") && hostHeader != null
                && !URI.create(origin).getRawAuthority().equalsIgnoreCase(hostHeader)) {
            throw new Refusal(403, "csrf.origin", "Cross-site login refused", "拒绝跨站登录请求");
        }
    }

    private void logAccess(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (isProtected(ctx.path())) {
            ACCESS.info("{} {} {} {}", p == null ? "-" : p.userId(), ctx.method().name(), ctx.path(),
                    ctx.statusCode());
        }
    }

    private static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new Refusal(401, "login.required", "Please sign in", "请先登录");
        }
        return p;
    }

    /** Login request body. */
    record Credentials(String username, String password) {
    }

    private void login(Context ctx) throws IOException {
        Credentials c;
        try {
            c = json.readValue(ctx.bodyAsBytes(), Credentials.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body must be {\"username\": ..., \"password\": ...}");
        }
        if (c == null || c.username() == null || c.password() == null || c.username().length() > 100
                || c.password().length() > 200) {
            throw new IllegalArgumentException("username and password are required");
        }
        sessions.logout(ctx.cookie(COOKIE));
        Sessions.Attempt attempt = sessions.login(c.username(), c.password());
        if (attempt instanceof Sessions.Granted g) {
            ACCESS.info("{} signed in from {}", g.session().principal.userId(), ctx.ip());
            ctx.header("Set-Cookie", COOKIE + "=" + g.session().id + "; Path=/; HttpOnly; SameSite=Strict");
            ctx.attribute(PRINCIPAL, g.session().principal);
            write(ctx, me(g.session()));
        } else if (attempt instanceof Sessions.Locked l) {
            ACCESS.warn("sign-in refused for locked user name '{}' from {}", printable(c.username()), ctx.ip());
            long seconds = Math.max(1, Duration.between(sessions.now(), l.until()).getSeconds());
            ctx.header("Retry-After", Long.toString(seconds));
            error(ctx, 429, "login.locked", "Too many failed sign-ins; try again later",
                    "登录失败次数过多，账号已暂时锁定，请稍后再试", null);
        } else {
            ACCESS.warn("failed sign-in for user name '{}' from {}", printable(c.username()), ctx.ip());
            error(ctx, 401, "login.failed", "Wrong user name or password", "用户名或密码错误", null);
        }
    }

    /** A user name as typed, safe for one log line. */
    private static String printable(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}._@-]", "?");
    }

    private void logout(Context ctx) {
        Sessions.Session s = ctx.attribute(SESSION);
        sessions.logout(s.id);
        clearCookie(ctx);
        ACCESS.info("{} signed out", s.principal.userId());
        write(ctx, Map.of("signedOut", true));
    }

    private static void clearCookie(Context ctx) {
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    }

    // ---- API ---------------------------------------------------------------------------------------------------

    private PortalViews views(Principal principal) {
        return new PortalViews(principal, LocalDate.now(jz.clock()));
    }

    private static RegionCode area(Context ctx) {
        String v = ctx.queryParam("area");
        return v == null || v.isBlank() ? principal(ctx).scope() : RegionCode.of(v);
    }

    private void me(Context ctx) {
        write(ctx, me((Sessions.Session) ctx.attribute(SESSION)));
    }

    private PortalViews.Me me(Sessions.Session session) {
        Principal principal = session.principal;
        String scopeName;
        try {
            scopeName = jz.regions().find(principal, principal.scope()).map(r -> r.name())
                    .orElse(principal.scope().value());
        } catch (AccessDeniedException e) {
            scopeName = principal.scope().value(); // a principal without READ still signs in, and is refused later
        }
        List<String> permissions = principal.permissions().stream().map(Enum::name).sorted().toList();
        return new PortalViews.Me(principal.userId(), principal.displayName(), principal.scope().value(),
                scopeName, principal.scope().level().name(), permissions,
                principal.can(Permission.VIEW_PERSONAL_DATA), session.csrfToken, yearChoices(),
                sessions.idleTimeout().toSeconds());
    }

    /** The years a user may pick: those of the yearly trajectory and this year. */
    private List<Integer> yearChoices() {
        TreeSet<Integer> out = new TreeSet<>();
        if (years != null) {
            years.forEach(y -> out.add(y.year()));
        }
        out.add(LocalDate.now(jz.clock()).getYear());
        return List.copyOf(out);
    }

    /** {@code year}: a year between 2000 and 2100, or {@code fallback} when absent. */
    private static Integer year(Context ctx, Integer fallback) {
        String v = ctx.queryParam("year");
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int y = Integer.parseInt(v.strip());
            if (y < 2000 || y > 2100) {
                throw new IllegalArgumentException("year must be between 2000 and 2100: " + v);
            }
            return y;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("year is not a number: " + v);
        }
    }

    /**
     * The dashboard of a year: the county's yearly figures for it (when the host provided them), the households under
     * relapse monitoring flagged that year, and the households that exited that year by village.
     */
    private void dashboard(Context ctx) {
        Principal principal = principal(ctx);
        RegionCode area = area(ctx);
        List<Integer> choices = yearChoices();
        int year = year(ctx, choices.get(choices.size() - 1));
        RegionTree tree = jz.regions().tree(principal, area);
        YearlyFigures figures = years == null || !area.equals(principal.scope()) ? null
                : years.stream().filter(y -> y.year() == year).findFirst().orElse(null);
        List<org.jingzhun.core.monitoring.MonitoringRecord> monitored = jz.monitoring().list(principal, area).stream()
                .filter(m -> m.year() == year).toList();
        java.util.Map<String, Long> byVillage = new java.util.TreeMap<>();
        for (org.jingzhun.core.identification.ExitCase c : jz.exits().list(principal, area, year)) {
            if (c.stage() == org.jingzhun.core.identification.ExitStage.EXITED) {
                byVillage.merge(c.region().value(), 1L, Long::sum);
            }
        }
        write(ctx, PortalViews.dashboard(year, choices, figures, monitored, byVillage, tree));
    }

    private void benefits(Context ctx) {
        Principal principal = principal(ctx);
        String id = ctx.pathParam("id");
        int year = year(ctx, LocalDate.now(jz.clock()).getYear());
        ACCESS.info("{} read benefit statement of household {} for {}", principal.userId(), id, year);
        RegionTree tree = jz.regions().tree(principal, principal.scope());
        write(ctx, views(principal).benefit(jz.benefits().statement(principal, id, year), tree));
    }

    private void cases(Context ctx) {
        Principal principal = principal(ctx);
        Integer year = year(ctx, null);
        write(ctx, new CaseWork(jz, principal).queue(area(ctx), year,
                Boolean.parseBoolean(ctx.queryParam("mine"))));
    }

    private void caseStep(Context ctx) {
        Principal principal = principal(ctx);
        CaseWork.Kind kind = CaseWork.kinds().get(ctx.pathParam("kind"));
        if (kind == null) {
            throw new IllegalArgumentException("kind must be entry or exit: " + ctx.pathParam("kind"));
        }
        CaseWork.StepRequest req;
        try {
            byte[] body = ctx.bodyAsBytes();
            req = body.length == 0 ? null : json.readValue(body, CaseWork.StepRequest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body must be JSON {reason, raisedBy, inFavour, against, abstained}");
        }
        String id = ctx.pathParam("id");
        String action = ctx.pathParam("action");
        CaseWork.CaseView done = new CaseWork(jz, principal).step(kind, id, action, req);
        ACCESS.info("{} took step {} on {} case {}", principal.userId(), action, kind, id);
        write(ctx, done);
    }

    private void notices(Context ctx) {
        Principal principal = principal(ctx);
        write(ctx, new CaseWork(jz, principal).notices(area(ctx), year(ctx, null)));
    }

    private void summary(Context ctx) {
        Principal principal = principal(ctx);
        write(ctx, PortalViews.figures(jz.statistics().summary(principal, area(ctx))));
    }

    private void breakdown(Context ctx) {
        write(ctx, breakdownRows(principal(ctx), area(ctx)));
    }

    private List<PortalViews.AreaFigures> breakdownRows(Principal principal, RegionCode area) {
        List<PortalViews.AreaFigures> rows = new ArrayList<>();
        for (RegionStatistics s : jz.statistics().breakdown(principal, area)) {
            rows.add(PortalViews.figures(s));
        }
        return rows;
    }

    private void regions(Context ctx) {
        Principal principal = principal(ctx);
        write(ctx, PortalViews.tree(jz.regions().tree(principal, area(ctx))));
    }

    private void years(Context ctx) {
        if (years == null || years.isEmpty()) {
            error(ctx, 404, "years.not_available", "No yearly figures were provided to this portal",
                    "本门户未提供年度数据", null);
            return;
        }
        write(ctx, years);
    }

    private void households(Context ctx) {
        Principal principal = principal(ctx);
        RegionCode area = area(ctx);
        int offset = intParam(ctx, "offset", 0);
        int limit = Math.min(intParam(ctx, "limit", DEFAULT_LIMIT), MAX_LIMIT);
        Page<Household> page = jz.registry().search(principal, area, new PageRequest(offset, limit));
        RegionTree tree = jz.regions().tree(principal, area);
        PortalViews views = views(principal);
        write(ctx, new PortalViews.HouseholdPage(area.value(), offset, limit, page.total(),
                page.items().stream().map(h -> views.row(h, tree)).toList()));
    }

    private void household(Context ctx) {
        Principal principal = principal(ctx);
        String id = ctx.pathParam("id");
        ACCESS.info("{} read household {}", principal.userId(), id);
        Household h = jz.registry().get(principal, id);
        RegionTree tree = jz.regions().tree(principal, principal.scope());
        write(ctx, views(principal).card(h, tree, jz.registry().incomes(principal, id)));
    }

    private void history(Context ctx) {
        Principal principal = principal(ctx);
        PortalViews views = views(principal);
        ACCESS.info("{} read history of household {}", principal.userId(), ctx.pathParam("id"));
        write(ctx, jz.registry().history(principal, ctx.pathParam("id")).stream().map(views::history).toList());
    }

    /** The years a household's records may cover: from its identification to this year. */
    private List<Integer> yearsOf(Household h) {
        int last = LocalDate.now(jz.clock()).getYear();
        List<Integer> out = new ArrayList<>();
        for (int y = Math.min(h.identifiedYear(), last); y <= last; y++) {
            out.add(y);
        }
        return out;
    }

    private void plans(Context ctx) {
        Principal principal = principal(ctx);
        // Read through the registry first: outside the scope a household is "not found", as on its card.
        Household h = jz.registry().get(principal, ctx.pathParam("id"));
        PortalViews views = views(principal);
        List<PortalViews.PlanView> out = new ArrayList<>();
        for (int year : yearsOf(h)) {
            jz.plans().householdPlan(principal, h.id(), year).ifPresent(p -> out.add(views.plan(p)));
        }
        write(ctx, out);
    }

    private void householdFunds(Context ctx) {
        Principal principal = principal(ctx);
        Household h = jz.registry().get(principal, ctx.pathParam("id"));
        List<PortalViews.HouseholdFundsView> out = new ArrayList<>();
        for (int year : yearsOf(h)) {
            HouseholdFunds f = jz.funds().household(principal, h.id(), year);
            if (!f.disbursements().isEmpty() || !f.subsidies().isEmpty()) {
                out.add(PortalViews.householdFunds(f));
            }
        }
        write(ctx, out);
    }

    private void funds(Context ctx) {
        write(ctx, fundsView(ctx));
    }

    private PortalViews.FundsView fundsView(Context ctx) {
        Principal principal = principal(ctx);
        RegionCode area = area(ctx);
        FundsService f = jz.funds();
        // Sources and projects are narrowed to the principal's scope (or refused outside it) by the library.
        TreeSet<Integer> years = new TreeSet<>();
        f.sources(principal, area, null).forEach(s -> years.add(s.source().year()));
        f.projects(principal, area, null).forEach(p -> years.add(p.project().year()));
        FundReport report = f.report(principal, area, yearParam(ctx, years));
        RegionTree tree = jz.regions().tree(principal, report.area());
        return PortalViews.funds(report, tree, List.copyOf(years));
    }

    /** {@code year}: a year, {@code all} (null: every year), or absent for the latest year with money. */
    private Integer yearParam(Context ctx, TreeSet<Integer> years) {
        String v = ctx.queryParam("year");
        if (v == null || v.isBlank()) {
            return years.isEmpty() ? LocalDate.now(jz.clock()).getYear() : years.last();
        }
        if (v.strip().equalsIgnoreCase("all")) {
            return null;
        }
        int year;
        try {
            year = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("year is not a number: " + v);
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("year must be between 2000 and 2100: " + v);
        }
        return year;
    }

    // ---- downloads ---------------------------------------------------------------------------------------------

    private void householdsCsv(Context ctx) throws IOException {
        Principal principal = principal(ctx);
        RegionCode area = area(ctx);
        RegionTree tree = jz.regions().tree(principal, area); // checks scope before anything is written
        PortalViews views = views(principal);
        ACCESS.info("{} downloaded the households of {} (CSV)", principal.userId(), area.value());
        attachment(ctx, "text/csv; charset=utf-8", "households.csv");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
             CSVPrinter csv = CsvExports.open(out, CsvExports.HOUSEHOLD_HEADER)) {
            PageRequest req = PageRequest.first(EXPORT_PAGE);
            while (true) {
                Page<Household> page = jz.registry().search(principal, area, req);
                for (Household h : page.items()) {
                    CsvExports.household(csv, views.row(h, tree));
                }
                if (!page.hasNext()) {
                    break;
                }
                req = page.next();
            }
        }
    }

    private void householdsJson(Context ctx) throws IOException {
        Principal principal = principal(ctx);
        RegionCode area = area(ctx);
        RegionTree tree = jz.regions().tree(principal, area);
        PortalViews views = views(principal);
        ACCESS.info("{} downloaded the household cards of {} (JSON)", principal.userId(), area.value());
        attachment(ctx, JSON, "households.json");
        OutputStream out = ctx.outputStream();
        try (JsonGenerator gen = json.getFactory().createGenerator(out)) {
            gen.writeStartArray();
            PageRequest req = PageRequest.first(EXPORT_PAGE);
            while (true) {
                Page<Household> page = jz.registry().search(principal, area, req);
                for (Household h : page.items()) {
                    json.writeValue(gen, views.card(h, tree, jz.registry().incomes(principal, h.id())));
                }
                if (!page.hasNext()) {
                    break;
                }
                req = page.next();
            }
            gen.writeEndArray();
        }
    }

    private void summaryCsv(Context ctx) throws IOException {
        Principal principal = principal(ctx);
        List<PortalViews.AreaFigures> rows = breakdownRows(principal(ctx), area(ctx));
        attachment(ctx, "text/csv; charset=utf-8", "summary.csv");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
             CSVPrinter csv = CsvExports.open(out, CsvExports.SUMMARY_HEADER)) {
            for (PortalViews.AreaFigures row : rows) {
                CsvExports.area(csv, row);
            }
        }
    }

    private void fundsCsv(Context ctx) throws IOException {
        PortalViews.FundsView view = fundsView(ctx); // every check runs before anything is written
        attachment(ctx, "text/csv; charset=utf-8", "funds.csv");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
             CSVPrinter csv = CsvExports.open(out, CsvExports.FUNDS_HEADER)) {
            CsvExports.funds(csv, view);
        }
    }

    private static void attachment(Context ctx, String contentType, String fileName) {
        ctx.contentType(contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    private static int intParam(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0 || (n == 0 && name.equals("limit"))) {
                throw new IllegalArgumentException(name + " must be " + (name.equals("limit") ? "positive" : ">= 0"));
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + v);
        }
    }

    private void write(Context ctx, Object body) {
        try {
            ctx.contentType(JSON).result(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON of " + body.getClass().getSimpleName(), e);
        }
    }

    private void failed(JingzhunException e, Context ctx) {
        int status = statusOf(e);
        if (status >= 500) {
            LOG.error("Portal request {} failed", ctx.path(), e);
        }
        ctx.status(status);
        write(ctx, errorBody(e));
    }

    /** The HTTP status of a library error: the portal's whole error contract in one place. */
    static int statusOf(JingzhunException e) {
        if (e instanceof NotFoundException) {
            return 404;
        } else if (e instanceof AccessDeniedException) {
            return 403;
        } else if (e instanceof ValidationException) {
            return 400;
        } else if (e instanceof ConflictException || e instanceof WorkflowException) {
            return 409;
        } else if (e instanceof StorageException) {
            return 503;
        }
        return 500;
    }

    /** The JSON body of a library error; violations only for validation errors. */
    static PortalViews.ErrorBody errorBody(JingzhunException e) {
        return new PortalViews.ErrorBody(e.code(), e.getMessage(), e.messageZh(),
                e instanceof ValidationException v ? v.violations() : null);
    }

    private void error(Context ctx, int status, String code, String message, String messageZh,
            List<org.jingzhun.spi.error.Violation> violations) {
        ctx.status(status);
        write(ctx, new PortalViews.ErrorBody(code, message, messageZh, violations));
    }
}
