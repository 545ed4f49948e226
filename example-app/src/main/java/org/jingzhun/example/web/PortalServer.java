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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * The example portal (扶贫信息门户): a read-only web UI and REST API over one {@link Jingzhun} instance, acting as one
 * {@link Principal} (the demo has no login; a real host would resolve the principal per request). Every call goes
 * through the library's scope checks, and names, citizen IDs, phone and bank numbers are de-identified on screens,
 * in JSON and in downloads unless the principal holds {@link Permission#VIEW_PERSONAL_DATA}.
 *
 * <p>Start it with {@link #start(Jingzhun, Principal, int)} (port 0 picks a free port) or, with a yearly trajectory
 * for the dashboard chart, {@link #start(Jingzhun, Principal, int, List)}; open {@code http://localhost:<port>/}.
 * The API: {@code /api/me}, {@code /api/summary}, {@code /api/breakdown}, {@code /api/regions},
 * {@code /api/households}, {@code /api/households/{id}}, {@code /api/households/{id}/history},
 * {@code /api/households/{id}/plans} (its plans by year with their measures), {@code /api/households/{id}/funds} (the
 * money that reached it, by year), {@code /api/funds?area=&year=} (fund use by kind of source, by sub-area and by
 * project; {@code year=all} for every year, no year for the latest), {@code /api/years}; downloads
 * {@code /download/households.csv}, {@code /download/households.json}, {@code /download/summary.csv},
 * {@code /download/funds.csv}.
 * Errors are JSON {@code {code, message, messageZh, violations?}} with 404, 403, 400 or 409.
 */
public final class PortalServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 500;
    private static final int EXPORT_PAGE = 1_000;

    private final Jingzhun jz;
    private final Principal principal;
    private final List<YearlyFigures> years;
    private final ObjectMapper json;
    private final Javalin app;

    private PortalServer(Jingzhun jz, Principal principal, List<YearlyFigures> years) {
        this.jz = Objects.requireNonNull(jz, "jz");
        this.principal = Objects.requireNonNull(principal, "principal");
        this.years = years == null ? null : List.copyOf(years);
        this.json = jz.json();
        this.app = Javalin.create(config -> {
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.routes.get("/api/me", this::me);
            config.routes.get("/api/summary", this::summary);
            config.routes.get("/api/breakdown", this::breakdown);
            config.routes.get("/api/regions", this::regions);
            config.routes.get("/api/years", this::years);
            config.routes.get("/api/households", this::households);
            config.routes.get("/api/households/{id}", this::household);
            config.routes.get("/api/households/{id}/history", this::history);
            config.routes.get("/api/households/{id}/plans", this::plans);
            config.routes.get("/api/households/{id}/funds", this::householdFunds);
            config.routes.get("/api/funds", this::funds);
            config.routes.get("/download/households.csv", this::householdsCsv);
            config.routes.get("/download/households.json", this::householdsJson);
            config.routes.get("/download/summary.csv", this::summaryCsv);
            config.routes.get("/download/funds.csv", this::fundsCsv);
            // Last, so every real endpoint matches first: an unknown API path is a JSON 404, which the UI reads as
            // "this capability is not installed" (plans, benefit statements) and hides its navigation entry.
            config.routes.get("/api/*", ctx -> error(ctx, 404, "api.not_found", "No such endpoint: " + ctx.path(),
                    "接口不存在：" + ctx.path(), null));
            config.routes.exception(JingzhunException.class, this::failed);
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, "request.invalid",
                    e.getMessage(), "请求参数无效：" + e.getMessage(), null));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Portal request {} failed", ctx.path(), e);
                error(ctx, 500, "internal", "Internal error", "系统内部错误", null);
            });
        });
    }

    /** Starts a portal without a yearly trajectory; {@code port} 0 picks a free port. */
    public static PortalServer start(Jingzhun jz, Principal principal, int port) {
        return start(jz, principal, port, null);
    }

    /**
     * Starts a portal whose dashboard also charts {@code years} (may be {@code null}: then {@code /api/years} is 404
     * and the chart is hidden); {@code port} 0 picks a free port.
     */
    public static PortalServer start(Jingzhun jz, Principal principal, int port, List<YearlyFigures> years) {
        PortalServer server = new PortalServer(jz, principal, years);
        server.app.start(port);
        LOG.info("Portal for {} (scope {}) on http://localhost:{}/", principal.userId(), principal.scope(),
                server.port());
        return server;
    }

    /** The port the portal listens on. */
    public int port() {
        return app.port();
    }

    /** Stops the web server; the {@link Jingzhun} instance stays open (the host owns it). */
    @Override
    public void close() {
        app.stop();
    }

    // ---- API ---------------------------------------------------------------------------------------------------

    private PortalViews views() {
        return new PortalViews(principal, LocalDate.now(jz.clock()));
    }

    private RegionCode area(Context ctx) {
        String v = ctx.queryParam("area");
        return v == null || v.isBlank() ? principal.scope() : RegionCode.of(v);
    }

    private void me(Context ctx) {
        String scopeName = jz.regions().find(principal, principal.scope()).map(r -> r.name())
                .orElse(principal.scope().value());
        List<String> permissions = principal.permissions().stream().map(Enum::name).sorted().toList();
        write(ctx, new PortalViews.Me(principal.userId(), principal.displayName(), principal.scope().value(),
                scopeName, permissions, principal.can(Permission.VIEW_PERSONAL_DATA)));
    }

    private void summary(Context ctx) {
        write(ctx, PortalViews.figures(jz.statistics().summary(principal, area(ctx))));
    }

    private void breakdown(Context ctx) {
        write(ctx, breakdownRows(area(ctx)));
    }

    private List<PortalViews.AreaFigures> breakdownRows(RegionCode area) {
        List<PortalViews.AreaFigures> rows = new ArrayList<>();
        for (RegionStatistics s : jz.statistics().breakdown(principal, area)) {
            rows.add(PortalViews.figures(s));
        }
        return rows;
    }

    private void regions(Context ctx) {
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
        RegionCode area = area(ctx);
        int offset = intParam(ctx, "offset", 0);
        int limit = Math.min(intParam(ctx, "limit", DEFAULT_LIMIT), MAX_LIMIT);
        Page<Household> page = jz.registry().search(principal, area, new PageRequest(offset, limit));
        RegionTree tree = jz.regions().tree(principal, area);
        PortalViews views = views();
        write(ctx, new PortalViews.HouseholdPage(area.value(), offset, limit, page.total(),
                page.items().stream().map(h -> views.row(h, tree)).toList()));
    }

    private void household(Context ctx) {
        String id = ctx.pathParam("id");
        Household h = jz.registry().get(principal, id);
        RegionTree tree = jz.regions().tree(principal, principal.scope());
        write(ctx, views().card(h, tree, jz.registry().incomes(principal, id)));
    }

    private void history(Context ctx) {
        PortalViews views = views();
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
        // Read through the registry first: outside the scope a household is "not found", as on its card.
        Household h = jz.registry().get(principal, ctx.pathParam("id"));
        PortalViews views = views();
        List<PortalViews.PlanView> out = new ArrayList<>();
        for (int year : yearsOf(h)) {
            jz.plans().householdPlan(principal, h.id(), year).ifPresent(p -> out.add(views.plan(p)));
        }
        write(ctx, out);
    }

    private void householdFunds(Context ctx) {
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
        RegionCode area = area(ctx);
        RegionTree tree = jz.regions().tree(principal, area); // checks scope before anything is written
        PortalViews views = views();
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
                req = req.next();
            }
        }
    }

    private void householdsJson(Context ctx) throws IOException {
        RegionCode area = area(ctx);
        RegionTree tree = jz.regions().tree(principal, area);
        PortalViews views = views();
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
                req = req.next();
            }
            gen.writeEndArray();
        }
    }

    private void summaryCsv(Context ctx) throws IOException {
        List<PortalViews.AreaFigures> rows = breakdownRows(area(ctx));
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
