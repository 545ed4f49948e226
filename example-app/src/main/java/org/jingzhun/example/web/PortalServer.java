package org.jingzhun.example.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.exchange.ExportRequest;
import org.jingzhun.core.exchange.ImportMode;
import org.jingzhun.core.exchange.ImportOptions;
import org.jingzhun.core.exchange.ImportResult;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.ExchangeWriter;
import org.jingzhun.spi.exchange.Layout;
import org.jingzhun.spi.exchange.Layouts;
import org.jingzhun.core.funds.FundReport;
import org.jingzhun.core.funds.FundsService;
import org.jingzhun.core.funds.HouseholdFunds;
import org.jingzhun.core.statistics.RegionStatistics;
import org.jingzhun.core.statistics.YearFigures;
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
 * {@code /api/breakdown}, {@code /api/regions}, {@code /api/years} (the library's closed years), {@code
 * /api/dashboard?year=}, {@code /api/households}, {@code /api/households/{id}} (and {@code /history}, {@code /plans},
 * {@code /funds}, {@code /benefits?year=} the 明白卡), {@code /api/funds?area=&year=}, the clerk's work
 * {@code /api/cases?year=&mine=}, {@code POST /api/cases/{entry|exit|monitoring}/{id}/{vote|verify|confirm|notice|
 * approve|reject|object}}, {@code POST /api/monitoring/leads}, {@code /api/notices?year=}, the audit log
 * {@code /api/audit?from=&to=&actor=&type=&subject=&before=&limit=} and {@code /api/audit/verify}; the printable 明白卡
 * {@code /print/benefits/{id}?year=}; downloads through the library's export and formats:
 * {@code /download/households.xlsx}, {@code /download/households.ndjson}, {@code /download/national.xlsx},
 * {@code /download/public-notice.csv}, and {@code /download/summary.csv}, {@code /download/funds.csv}.
 */
public final class PortalServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);
    /** Who read what: one line per request and one per household read, for the county's own audit. */
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final String JSON = "application/json; charset=utf-8";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 500;
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
     * How a portal runs: where it listens, who may sign in, session idle timeout, lockout after {@code maxFailures}
     * wrong passwords for {@code lockout}, and the clock sessions and lockouts follow.
     */
    public record Options(String host, int port, PortalLogin login, Duration idleTimeout, int maxFailures,
            Duration lockout, Clock clock) {
        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(lockout, "lockout");
            Objects.requireNonNull(clock, "clock");
        }

        /** Loopback, port 7070, 30 minutes idle, 5 failures lock a user name for 15 minutes, the system clock. */
        public static Options defaults(PortalLogin login) {
            return new Options("127.0.0.1", 7070, login, Duration.ofMinutes(30), 5, Duration.ofMinutes(15),
                    Clock.systemUTC());
        }

        public Options withHost(String h) {
            return new Options(h, port, login, idleTimeout, maxFailures, lockout, clock);
        }

        /** Port 0 picks a free port. */
        public Options withPort(int p) {
            return new Options(host, p, login, idleTimeout, maxFailures, lockout, clock);
        }

        public Options withIdleTimeout(Duration d) {
            return new Options(host, port, login, d, maxFailures, lockout, clock);
        }

        public Options withLockout(int failures, Duration d) {
            return new Options(host, port, login, idleTimeout, failures, d, clock);
        }

        public Options withClock(Clock c) {
            return new Options(host, port, login, idleTimeout, maxFailures, lockout, c);
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
    private final ObjectMapper json;
    private final Sessions sessions;
    private final String host;
    private final Javalin app;
    private final ImportDesk desk;

    private PortalServer(Jingzhun jz, Options options) {
        this.jz = Objects.requireNonNull(jz, "jz");
        this.desk = new ImportDesk(options.clock());
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
            config.routes.post("/api/monitoring/leads", this::monitoringLead);
            config.routes.post("/api/import", this::importUpload);
            config.routes.get("/download/import-report/{token}", this::importReport);
            config.routes.get("/api/audit", this::auditEntries);
            config.routes.get("/api/audit/verify", this::auditVerify);
            config.routes.get("/print/benefits/{id}", this::benefitPrint);
            config.routes.get("/download/households.xlsx",
                    ctx -> export(ctx, Layouts.LIBRARY, "xlsx", "households.xlsx"));
            config.routes.get("/download/households.ndjson",
                    ctx -> export(ctx, Layouts.LIBRARY, "ndjson", "households.ndjson"));
            config.routes.get("/download/national.xlsx",
                    ctx -> export(ctx, Layouts.NATIONAL, "xlsx", "national.xlsx"));
            config.routes.get("/download/public-notice.csv",
                    ctx -> export(ctx, Layouts.PUBLIC_NOTICE, "csv", "public-notice.csv"));
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
        return path.startsWith("/api/") || path.startsWith("/download/") || path.startsWith("/print/");
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
                principal.can(Permission.VIEW_PERSONAL_DATA), session.csrfToken, yearChoices(principal),
                sessions.idleTimeout().toSeconds());
    }

    /** The years a user may pick: the closed years of the user's scope and this year. */
    private List<Integer> yearChoices(Principal principal) {
        TreeSet<Integer> out = new TreeSet<>();
        try {
            jz.statistics().series(principal, principal.scope()).forEach(y -> out.add(y.year()));
        } catch (AccessDeniedException e) {
            // a principal without READ still signs in, and is refused on every page
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
     * The dashboard of a year: the area's figures of that year as the library froze them at the year's close (none
     * while the year is open), the households under relapse monitoring flagged that year, and the households that
     * exited that year by village.
     */
    private void dashboard(Context ctx) {
        Principal principal = principal(ctx);
        RegionCode area = area(ctx);
        List<Integer> choices = yearChoices(principal);
        int year = year(ctx, choices.get(choices.size() - 1));
        RegionTree tree = jz.regions().tree(principal, area);
        PortalViews.YearView figures = yearViews(principal, area).stream().filter(y -> y.year() == year).findFirst()
                .orElse(null);
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
            throw new IllegalArgumentException("kind must be entry, exit or monitoring: " + ctx.pathParam("kind"));
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

    private void monitoringLead(Context ctx) {
        Principal principal = principal(ctx);
        CaseWork.LeadRequest req;
        try {
            req = json.readValue(ctx.bodyAsBytes(), CaseWork.LeadRequest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body must be JSON {householdId, kind, source, reason}");
        }
        CaseWork.CaseView opened = new CaseWork(jz, principal).lead(req);
        ACCESS.info("{} entered monitoring lead {} for household {}", principal.userId(), opened.id(),
                opened.householdId());
        ctx.status(201);
        write(ctx, opened);
    }

    /** Largest upload the portal takes; the xlsx format refuses zip bombs inside it on its own. */
    static final long MAX_UPLOAD = 20L * 1024 * 1024;

    /** One problem of an upload, as the import page lists it (the value already masked by the library). */
    record ImportErrorView(String sheet, long row, String column, String value, String message) {
    }

    /** What an upload did: counts, the first problems, and where to fetch the error report. */
    record ImportView(String fileName, String mode, long rowsRead, long householdsRead, long registered,
            long amended, long incomes, long refused, boolean written, long errorCount,
            List<ImportErrorView> errors, String reportUrl) {
    }

    /**
     * A national-format sheet uploaded by a clerk (导入): validated, or imported all-or-nothing or row by row, by the
     * library as the session's principal (it checks WRITE and the scope of every household). Problems come back with
     * sheet, row, column, masked value and reason; the error report, in the upload's own format with an error column,
     * waits for this session under a one-time-looking token.
     */
    private void importUpload(Context ctx) throws IOException {
        Principal principal = principal(ctx);
        io.javalin.http.UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw new IllegalArgumentException("upload the sheet in the form field 'file'");
        }
        String name = file.filename() == null ? "" : Path.of(file.filename()).getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("xlsx", "csv", "ndjson").contains(ext)) {
            throw new Refusal(415, "import.type", "Upload an .xlsx, .csv or .ndjson file",
                    "请上传 .xlsx、.csv 或 .ndjson 文件");
        }
        if (file.size() > MAX_UPLOAD) {
            throw new Refusal(413, "import.too_large", "The file is larger than 20 MiB", "文件超过 20 MiB");
        }
        ImportMode mode = switch (String.valueOf(ctx.queryParam("mode"))) {
            case "all" -> ImportMode.ALL_OR_NOTHING;
            case "valid" -> ImportMode.ACCEPT_VALID;
            default -> ImportMode.VALIDATE_ONLY;
        };
        String printable = printable(name);
        Path tmp = Files.createTempFile("jingzhun-upload-", "." + ext);
        try {
            try (InputStream in = file.content()) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            ImportResult result = jz.exchange().importFile(principal, tmp, ImportOptions.of(Layouts.NATIONAL, mode,
                    "门户导入 " + printable));
            ACCESS.info("{} uploaded {} ({}): {} households, {} refused", principal.userId(), printable, mode,
                    result.householdsRead(), result.refused());
            String reportUrl = null;
            if (!result.clean()) {
                java.io.ByteArrayOutputStream report = new java.io.ByteArrayOutputStream();
                jz.exchange().writeErrorReport(result, report);
                String reportName = (dot < 0 ? "upload" : "upload-errors") + "." + ext;
                Sessions.Session session = ctx.attribute(SESSION);
                reportUrl = "/download/import-report/" + desk.keep(session.id, report.toByteArray(), reportName,
                        jz.exchange().format(result.format()).mediaType());
            }
            List<ImportErrorView> errors = result.errors().stream().limit(200).map(e -> new ImportErrorView(e.sheet(),
                    e.row(), e.column(), e.value(), e.messageZh())).toList();
            write(ctx, new ImportView(printable, mode.name(), result.rowsRead(), result.householdsRead(),
                    result.registered(), result.amended(), result.incomes(), result.refused(), result.committed(),
                    result.errorCount(), errors, reportUrl));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The error report of this session's upload. */
    private void importReport(Context ctx) {
        Sessions.Session session = ctx.attribute(SESSION);
        ImportDesk.Report report = desk.find(session.id, ctx.pathParam("token"))
                .orElseThrow(() -> new Refusal(404, "import.report_gone", "No such error report (it expires after an hour)",
                        "错误报告不存在或已过期（保留一小时）"));
        attachment(ctx, report.mediaType(), report.fileName());
        ctx.result(report.bytes());
    }

    /**
     * A page of the county's audit log, newest first: {@code from} and {@code to} are days (both included),
     * {@code actor} a user id, {@code type} and {@code subject} the kind and id of a record, {@code before} the last
     * sequence of the previous page. The library checks AUDIT over the county and masks the entries.
     */
    private void auditEntries(Context ctx) {
        Principal principal = principal(ctx);
        int limit = Math.min(intParam(ctx, "limit", 50), org.jingzhun.spi.audit.AuditQuery.MAX_LIMIT);
        java.time.ZoneId zone = jz.clock().getZone();
        LocalDate from = dateParam(ctx, "from");
        LocalDate to = dateParam(ctx, "to");
        String type = textParam(ctx, "type");
        String subject = textParam(ctx, "subject");
        if (subject != null && type == null) {
            throw new IllegalArgumentException("a subject needs its type (household, identification, ...)");
        }
        String before = textParam(ctx, "before");
        Long beforeSequence;
        try {
            beforeSequence = before == null ? null : Long.valueOf(before);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("before is not a sequence number: " + before);
        }
        org.jingzhun.spi.audit.AuditQuery query = new org.jingzhun.spi.audit.AuditQuery(
                principal.scope().countyCode(), from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), textParam(ctx, "actor"), type,
                subject, beforeSequence, limit);
        org.jingzhun.core.audit.AuditPage page = jz.audit().entries(principal, query);
        ACCESS.info("{} read {} audit entries of county {}", principal.userId(), page.items().size(),
                query.countyCode());
        write(ctx, PortalViews.audit(query.countyCode(), page, zone));
    }

    private void auditVerify(Context ctx) {
        Principal principal = principal(ctx);
        RegionCode county = RegionCode.of(principal.scope().countyCode());
        org.jingzhun.spi.audit.AuditVerification v = jz.audit().verify(principal, county);
        ACCESS.info("{} verified the audit chain of county {}: {}", principal.userId(), county.value(),
                v.intact() ? "intact" : "broken at " + v.brokenSequence());
        write(ctx, PortalViews.verification(v));
    }

    /**
     * The printable 明白卡 as the library renders it, masked for the caller. Its one inline style block is allowed by
     * its hash, so the page keeps the portal's policy otherwise: no script at all, nothing loaded from elsewhere.
     */
    private void benefitPrint(Context ctx) {
        Principal principal = principal(ctx);
        String id = ctx.pathParam("id");
        int year = year(ctx, LocalDate.now(jz.clock()).getYear());
        ACCESS.info("{} printed benefit statement of household {} for {}", principal.userId(), id, year);
        String html = jz.benefits().statement(principal, id, year).toHtml(java.util.Locale.SIMPLIFIED_CHINESE);
        ctx.header("Content-Security-Policy", printPolicy(html));
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /** The page's policy: nothing but the hashed inline style blocks of {@code html}. */
    static String printPolicy(String html) {
        StringBuilder hashes = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<style>(.*?)</style>", java.util.regex.Pattern.DOTALL)
                .matcher(html);
        while (m.find()) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.append(" 'sha256-").append(java.util.Base64.getEncoder().encodeToString(digest)).append('\'');
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
        return "default-src 'none'; style-src" + (hashes.length() == 0 ? " 'none'" : hashes) + "; img-src 'self' data:; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static LocalDate dateParam(Context ctx, String name) {
        String v = textParam(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not a date (yyyy-mm-dd): " + v);
        }
    }

    private static String textParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > 100) {
            throw new IllegalArgumentException(name + " is too long");
        }
        return v.strip();
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

    /** The closed years of the area (the library's frozen year-end figures), each with its reduction target. */
    private void years(Context ctx) {
        Principal principal = principal(ctx);
        write(ctx, yearViews(principal, area(ctx)));
    }

    private List<PortalViews.YearView> yearViews(Principal principal, RegionCode area) {
        List<PortalViews.YearView> out = new ArrayList<>();
        for (YearFigures f : jz.statistics().series(principal, area)) {
            Integer target = jz.targets().find(principal, f.area(), f.year()).map(t -> t.people()).orElse(null);
            out.add(PortalViews.year(f, target));
        }
        return out;
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

    /**
     * A households download through the library's export: the layout's sheets in the format's plugin, masked with the
     * principal's own profile (the library audits a full export), scope checked before a byte is written.
     */
    private void export(Context ctx, Layout layout, String format, String fileName) throws IOException {
        Principal principal = principal(ctx);
        RegionCode area = area(ctx);
        jz.regions().tree(principal, area); // refuses an area out of scope before the attachment starts
        ExchangeFormat f = jz.exchange().format(format);
        ACCESS.info("{} downloaded {} of {} ({})", principal.userId(), layout.name(), area.value(), format);
        attachment(ctx, f.mediaType(), fileName);
        jz.exchange().export(principal, ExportRequest.of(layout, format, area), ctx.outputStream());
    }

    private void summaryCsv(Context ctx) throws IOException {
        List<PortalViews.AreaFigures> rows = breakdownRows(principal(ctx), area(ctx));
        table(ctx, "summary.csv", "分区统计", PortalViews.SUMMARY_HEADER,
                rows.stream().map(PortalViews::summaryRow).toList());
    }

    private void fundsCsv(Context ctx) throws IOException {
        PortalViews.FundsView view = fundsView(ctx); // every check runs before anything is written
        table(ctx, "funds.csv", "资金使用情况", PortalViews.FUNDS_HEADER, PortalViews.fundsRows(view));
    }

    /**
     * A table without personal data written by the library's CSV format: UTF-8 behind a byte-order mark for Excel,
     * CRLF, and text that Excel would run as a formula written inert.
     */
    private void table(Context ctx, String fileName, String sheet, List<String> header, List<List<Object>> rows)
            throws IOException {
        ExchangeFormat csv = jz.exchange().format("csv");
        attachment(ctx, csv.mediaType(), fileName);
        try (ExchangeWriter writer = csv.writer(ctx.outputStream())) {
            writer.startSheet(sheet, header);
            for (List<Object> row : rows) {
                writer.row(row);
            }
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
        } else if (e instanceof org.jingzhun.spi.exchange.ExchangeException) {
            return 422; // a file the format refused as a whole: not a workbook, encrypted, a zip bomb
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
