package org.jingzhun.core.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.disclosure.Disclosure;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.core.internal.ReadAudit;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.person.Masking;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.quality.Finding;
import org.jingzhun.spi.quality.MonitoringFact;
import org.jingzhun.spi.quality.PairingFact;
import org.jingzhun.spi.quality.QualityFacts;
import org.jingzhun.spi.quality.QualityIndex;
import org.jingzhun.spi.quality.QualityPack;
import org.jingzhun.spi.quality.QualityRule;
import org.jingzhun.spi.quality.QualityRules;
import org.jingzhun.spi.quality.Quoted;
import org.jingzhun.spi.quality.SetIndex;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.StorageTransaction;
import org.jingzhun.spi.storage.StoredDocument;

/**
 * Data-quality checks (数据质量核查): runs the data-quality packs in force over an area the reader may read and
 * reports findings, as a stream or as per-township fix lists (整改清单). Households are streamed from storage in one
 * read, in batches whose income statements, monitoring records, cadre pairings and acceptances are read in bulk, so
 * memory stays bounded by the batch (plus the set-level index when a pack's rules need one). Quoted values and
 * messages are masked by the reader's profile; a scan by a reader with VIEW_PERSONAL_DATA is recorded as a read of
 * personal data. A finding accepted with a reason (audited on the household) is left out of later scans until the
 * records it was computed from change.
 */
public final class QualityService {
    static final String KIND = "quality-acceptance";
    /** Core's kinds of the records monitoring and pairing rules read. */
    private static final String MONITORING_KIND = "monitoring-record";
    private static final String PAIRING_KIND = "cadre-pairing";
    private static final int BATCH = 500;

    private final CoreContext ctx;
    private final Disclosure disclosure;
    private final ReadAudit reads;
    private final List<QualityPack> packs;
    private final DocumentStore<QualityAcceptance> acceptances;
    /** Each pack's parameter values as message arguments, computed once. */
    private final Map<String, Map<String, String>> parameterText = new HashMap<>();

    public QualityService(CoreContext ctx, Disclosure disclosure, List<QualityPack> packs) {
        this.ctx = ctx;
        this.disclosure = disclosure;
        this.reads = new ReadAudit(ctx);
        this.packs = List.copyOf(packs);
        packs.forEach(p -> parameterText.put(p.name(), p.values().asText()));
        this.acceptances = new DocumentStore<>(KIND, QualityAcceptance.class, ctx.json(), QualityAcceptance::id,
                QualityAcceptance::region, a -> null).withSubject(QualityAcceptance::householdId);
    }

    /** The data-quality packs in force, with their rules, parameters and configuration. */
    public List<QualityPack> packs() {
        return packs;
    }

    /**
     * Checks every household inside {@code area} (narrowed to the reader's scope) for {@code year} and hands each
     * finding not accepted before to {@code listener}, household by household in id order; findings of rules that
     * compare households (a citizen ID held twice) follow once the whole area has been read.
     */
    public QualityScan scan(Principal principal, RegionCode area, int year, QualityListener listener) {
        return run(principal, area, year, listener, (h, found) -> found.forEach(listener::finding));
    }

    /** Checks like {@link #scan} and groups the findings by township, village and household (整改清单). */
    public QualityReport report(Principal principal, RegionCode area, int year, QualityListener progress) {
        Map<String, QualityReport.HouseholdFixes> byHousehold = new LinkedHashMap<>();
        Map<String, RegionCode> villages = new HashMap<>();
        QualityListener listener = progress == null ? f -> { } : progress;
        QualityScan scan = run(principal, area, year, listener, (h, found) -> {
            found.forEach(listener::finding);
            if (!found.isEmpty()) {
                // A household sharing a key is reported twice: once per household, once by the indexed rules.
                QualityReport.HouseholdFixes before = byHousehold.get(h.id());
                List<QualityFinding> sorted = new ArrayList<>(before == null ? List.of() : before.findings());
                sorted.addAll(found);
                sorted.sort(Comparator.comparing(QualityFinding::severity).thenComparing(QualityFinding::rule));
                byHousehold.put(h.id(), new QualityReport.HouseholdFixes(h.id(),
                        h.head().map(Member::name).orElse(null), List.copyOf(sorted)));
                villages.put(h.id(), h.region());
            }
        });
        Map<RegionCode, String> names = new HashMap<>();
        ctx.read(tx -> {
            for (Region r : tx.regions().findWithin(scan.area())) {
                names.put(r.code(), r.name());
            }
            return null;
        });
        TreeMap<RegionCode, TreeMap<RegionCode, List<QualityReport.HouseholdFixes>>> tree = new TreeMap<>();
        byHousehold.forEach((id, fixes) -> {
            RegionCode village = villages.get(id);
            RegionCode township = village.level() == RegionLevel.VILLAGE ? village.ancestorAt(RegionLevel.TOWNSHIP)
                    : village;
            tree.computeIfAbsent(township, k -> new TreeMap<>()).computeIfAbsent(village, k -> new ArrayList<>())
                    .add(fixes);
        });
        List<QualityReport.Township> townships = new ArrayList<>();
        tree.forEach((t, vs) -> {
            List<QualityReport.Village> list = new ArrayList<>();
            vs.forEach((v, hs) -> list.add(new QualityReport.Village(v, names.get(v), List.copyOf(hs))));
            townships.add(new QualityReport.Township(t, names.get(t), List.copyOf(list)));
        });
        return new QualityReport(scan, List.copyOf(townships));
    }

    /**
     * Accepts a finding with a reason (确认无误): it is not reported again while the household's records keep the
     * versions it was computed from. Needs WRITE on the household's village; audited on the household.
     *
     * @throws WorkflowException {@code workflow.reason_required} without a reason
     */
    public QualityAcceptance accept(Principal principal, QualityFinding finding, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new WorkflowException("workflow.reason_required", "accepting a data-quality finding");
        }
        return ctx.write(principal, w -> {
            RegionCode region = w.tx().households().regionOf(finding.householdId())
                    .orElseThrow(() -> new NotFoundException("household.not_found", finding.householdId()));
            ctx.guard().require(principal, Permission.WRITE, region, "accept a data-quality finding");
            String id = acceptanceId(finding.householdId(), finding.pack(), finding.rule(), finding.recordRef(),
                    finding.field());
            long version = acceptances.find(w.tx(), region.countyCode(), id).map(Versioned::version).orElse(0L);
            QualityAcceptance a = new QualityAcceptance(id, finding.householdId(), region, finding.pack(),
                    finding.rule(), finding.recordRef(), finding.field(), finding.dataVersion(), reason,
                    principal.userId(), ctx.clock().instant());
            acceptances.save(w.tx(), a, version);
            w.audit("household", finding.householdId(), region, "quality-accept", reason, null, a);
            return a;
        });
    }

    /** The acceptances inside {@code area} (narrowed to the reader's scope), id order. */
    public List<QualityAcceptance> acceptances(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> acceptances.all(tx, effective, null).stream().map(Versioned::value).toList());
    }

    // ------------------------------------------------------------------ the scan

    /** What a scan does with each household's findings. */
    private interface HouseholdSink {
        void accept(Household h, List<QualityFinding> found);
    }

    /** Thrown inside the storage scan to stop it when the listener cancels; never leaves this class. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }

    private QualityScan run(Principal principal, RegionCode area, int year, QualityListener listener,
            HouseholdSink sink) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        MaskingProfile profile = MaskingProfile.defaultFor(principal);
        LocalDate today = LocalDate.now(ctx.clock());
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        LocalDate asOf = endOfYear.isBefore(today) ? endOfYear : today;
        List<QualityPack> inForce = packs.stream().filter(p -> overlaps(p, effective)).toList();
        Set<SetIndex> indexes = new LinkedHashSet<>();
        inForce.forEach(p -> indexes.addAll(p.indexes()));
        QualityIndex.Builder indexBuilder = QualityIndex.builder();
        long[] counts = new long[3];
        boolean cancelled = ctx.read(tx -> {
            // One read of the area: every rule that looks at one household runs batch by batch while the set-level
            // indexes fill; the rules that compare households run afterwards, only on the few households sharing a
            // key with another.
            Pass first = new Pass(tx, year, asOf, QualityIndex.none(), inForce, profile, sink, counts,
                    r -> r.index().isEmpty(), true);
            List<Household> batch = new ArrayList<>(BATCH);
            try {
                tx.households().forEachWithin(effective, h -> {
                    if (!indexes.isEmpty()) {
                        indexBuilder.add(h, indexes);
                    }
                    batch.add(h);
                    if (batch.size() == BATCH) {
                        first.check(batch);
                        batch.clear();
                        stopIfCancelled(listener, counts);
                    }
                });
                if (!batch.isEmpty()) {
                    first.check(batch);
                    batch.clear();
                    stopIfCancelled(listener, counts);
                }
                if (!indexes.isEmpty()) {
                    Pass second = new Pass(tx, year, asOf, indexBuilder.build(), inForce, profile, sink, counts,
                            r -> r.index().isPresent(), false);
                    for (List<String> ids : chunks(new ArrayList<>(indexBuilder.shared()))) {
                        second.check(new ArrayList<>(tx.households().findAll(ids).values()));
                        stopIfCancelled(listener, counts);
                    }
                }
            } catch (Cancelled e) {
                return true;
            }
            return false;
        });
        reads.record(principal, profile, effective.value(), effective, "quality scan",
                Map.of("year", year, "findings", counts[1]));
        return new QualityScan(effective, year, counts[0], counts[1], counts[2], cancelled);
    }

    private static void stopIfCancelled(QualityListener listener, long[] counts) {
        listener.progress(counts[0], counts[1]);
        if (listener.cancelled()) {
            throw new Cancelled();
        }
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            out.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
        }
        return out;
    }

    private static boolean overlaps(QualityPack p, RegionCode area) {
        String prefix = p.scope().prefix();
        return area.value().startsWith(prefix) || prefix.startsWith(area.prefix());
    }

    /** One way through batches of households: which rules run, with which index, and whether households count. */
    private final class Pass {
        private final StorageTransaction tx;
        private final int year;
        private final LocalDate asOf;
        private final QualityIndex index;
        private final List<QualityPack> inForce;
        private final MaskingProfile profile;
        private final HouseholdSink sink;
        private final long[] counts;
        private final java.util.function.Predicate<QualityRule> rules;
        private final boolean countHouseholds;

        Pass(StorageTransaction tx, int year, LocalDate asOf, QualityIndex index, List<QualityPack> inForce,
                MaskingProfile profile, HouseholdSink sink, long[] counts,
                java.util.function.Predicate<QualityRule> rules, boolean countHouseholds) {
            this.tx = tx;
            this.year = year;
            this.asOf = asOf;
            this.index = index;
            this.inForce = inForce;
            this.profile = profile;
            this.sink = sink;
            this.counts = counts;
            this.rules = rules;
            this.countHouseholds = countHouseholds;
        }

        void check(List<Household> batch) {
            Map<String, List<Household>> byCounty = new LinkedHashMap<>();
            batch.forEach(h -> byCounty.computeIfAbsent(h.countyCode(), k -> new ArrayList<>()).add(h));
            for (Map.Entry<String, List<Household>> county : byCounty.entrySet()) {
                List<String> ids = county.getValue().stream().map(Household::id).toList();
                Map<String, IncomeStatement> incomes = latestIncomes(tx, ids, year);
                Map<String, List<StoredDocument>> monitoring = tx.documents().findBySubjects(MONITORING_KIND,
                        county.getKey(), ids);
                Map<String, List<StoredDocument>> pairings = tx.documents().findBySubjects(PAIRING_KIND,
                        county.getKey(), ids);
                Map<String, List<Versioned<QualityAcceptance>>> accepted = acceptances.bySubjects(tx,
                        county.getKey(), ids);
                for (Household h : county.getValue()) {
                    checkOne(h, incomes.get(h.id()), monitoring.getOrDefault(h.id(), List.of()),
                            pairings.getOrDefault(h.id(), List.of()), accepted.getOrDefault(h.id(), List.of()));
                }
            }
        }

        private void checkOne(Household h, IncomeStatement income, List<StoredDocument> mDocs,
                List<StoredDocument> pDocs, List<Versioned<QualityAcceptance>> accepted) {
            QualityFacts facts = new QualityFacts(h, year, income, monitoringFacts(mDocs), pairingFacts(pDocs), asOf,
                    index);
            String dataVersion = dataVersion(h, income, mDocs, pDocs);
            Map<String, String> acceptedVersions = new HashMap<>();
            for (Versioned<QualityAcceptance> a : accepted) {
                acceptedVersions.put(a.value().id(), a.value().dataVersion());
            }
            List<QualityFinding> found = new ArrayList<>();
            for (QualityPack pack : inForce) {
                if (!pack.scope().covers(h.region())) {
                    continue;
                }
                pack.check(facts, rules, f -> {
                    String key = acceptanceId(h.id(), f.pack(), f.rule(), f.recordRef(), f.field());
                    if (dataVersion.equals(acceptedVersions.get(key))) {
                        counts[2]++;
                    } else {
                        found.add(view(pack, f, year, dataVersion, profile));
                    }
                });
            }
            if (countHouseholds) {
                counts[0]++;
            }
            counts[1] += found.size();
            if (countHouseholds || !found.isEmpty()) {
                sink.accept(h, found);
            }
        }
    }

    /**
     * The statement of {@code year}, else of the year before: two bulk reads per batch. Households surveyed longer ago
     * get none (an income rule then reports the statement missing rather than checking a stale one).
     */
    private static Map<String, IncomeStatement> latestIncomes(StorageTransaction tx, List<String> ids, int year) {
        Map<String, IncomeStatement> out = new HashMap<>(tx.incomes().findYear(ids, year));
        List<String> missing = ids.stream().filter(id -> !out.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            out.putAll(tx.incomes().findYear(missing, year - 1));
        }
        return out;
    }

    private List<MonitoringFact> monitoringFacts(List<StoredDocument> docs) {
        List<MonitoringFact> out = new ArrayList<>(docs.size());
        for (StoredDocument d : docs) {
            JsonNode n = ctx.json().tree(d.body());
            LocalDate from = date(n, "flaggedOn");
            if (from == null) {
                continue;
            }
            MonitoringCategory category = null;
            String c = n.path("category").asText("");
            for (MonitoringCategory mc : MonitoringCategory.values()) {
                if (mc.name().equals(c) || mc.code().equals(c)) {
                    category = mc;
                }
            }
            out.add(new MonitoringFact(d.id(), category, from, date(n, "clearedOn")));
        }
        return out;
    }

    private List<PairingFact> pairingFacts(List<StoredDocument> docs) {
        List<PairingFact> out = new ArrayList<>(docs.size());
        for (StoredDocument d : docs) {
            JsonNode n = ctx.json().tree(d.body());
            LocalDate from = date(n, "from");
            if (from != null && n.hasNonNull("cadreId")) {
                out.add(new PairingFact(n.get("cadreId").asText(), from, date(n, "to")));
            }
        }
        return out;
    }

    private static LocalDate date(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : LocalDate.parse(v.asText());
    }

    /** The versions of every record the checks read; an acceptance lapses when any of them changes. */
    private static String dataVersion(Household h, IncomeStatement income, List<StoredDocument> monitoring,
            List<StoredDocument> pairings) {
        StringBuilder v = new StringBuilder("h").append(h.version());
        if (income != null) {
            v.append("/i").append(income.year()).append('v').append(income.version());
        }
        v.append("/m");
        monitoring.forEach(d -> v.append(d.version()).append('.'));
        v.append("/p");
        pairings.forEach(d -> v.append(d.version()).append('.'));
        return v.toString();
    }

    private QualityFinding view(QualityPack pack, Finding f, int year, String dataVersion, MaskingProfile profile) {
        String value = f.value() == null ? null : mask(f.value(), profile);
        Map<String, String> params = parameterText.get(pack.name());
        java.util.function.Function<String, String> args = key -> {
            if (key.equals("value")) {
                return value;
            }
            if (key.equals("name")) {
                return f.memberName();
            }
            String v = f.args().get(key);
            return v != null ? v : params.get(key);
        };
        QualityRule rule = pack.rule(f.rule()).orElseThrow();
        String zh = f.failed() ? "规则 " + pack.name() + "/" + f.rule() + " 执行出错：" + f.args().get("error")
                : render(rule.messageZh(), args, profile);
        String en = f.failed() ? "rule " + pack.name() + "/" + f.rule() + " failed: " + f.args().get("error")
                : render(rule.messageEn(), args, profile);
        return new QualityFinding(f.pack(), f.rule(), f.severity(), f.householdId(), f.region(), year, f.record(),
                f.recordRef(), f.memberName(), f.field(), value, zh, en, render(rule.fixZh(), args, profile),
                render(rule.fixEn(), args, profile), dataVersion, f.failed());
    }

    private String render(String template, java.util.function.Function<String, String> args,
            MaskingProfile profile) {
        // Arguments come from plugins: anything shaped like an ID in them is masked as well.
        return disclosure.text(QualityRules.render(template, args), profile);
    }

    /** A quoted value as the profile lets it out. */
    private String mask(Quoted q, MaskingProfile profile) {
        if (profile == MaskingProfile.FULL) {
            return q.text();
        }
        return switch (q.sensitivity()) {
            case NONE -> disclosure.text(q.text(), profile);
            case CITIZEN_ID -> profile == MaskingProfile.SCREEN && q.text().length() >= 10
                    ? q.text().substring(0, 6) + "*".repeat(q.text().length() - 10)
                    + q.text().substring(q.text().length() - 4) : Disclosure.WITHHELD;
            case PHONE -> profile == MaskingProfile.SCREEN ? Masking.phone(q.text()) : Disclosure.WITHHELD;
            case BANK_ACCOUNT -> profile == MaskingProfile.SCREEN ? Masking.bankAccount(q.text())
                    : Disclosure.WITHHELD;
            case ADDRESS, HEALTH -> Disclosure.WITHHELD;
        };
    }

    private static String acceptanceId(String householdId, String pack, String rule, String recordRef,
            String field) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((pack + "|" + rule + "|" + recordRef + "|"
                    + field).getBytes(StandardCharsets.UTF_8));
            return householdId + "." + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
