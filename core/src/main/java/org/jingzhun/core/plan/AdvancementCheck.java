package org.jingzhun.core.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.plan.MeasureStatus;
import org.jingzhun.spi.plan.UnitCommitment;
import org.jingzhun.spi.plan.VillageAdvancement;
import org.jingzhun.spi.plan.VillageProject;

/**
 * Result of checking a whole-village advancement programme's three-year commitment (连推、连投、连帮3年): for each of
 * the three years, funds committed and projects budgeted within them; at least one helping unit, each committed for
 * all three years. {@link #findings()} lists every shortfall in zh-CN and en; an empty list means complete.
 *
 * @param committed funds committed per programme year, in year order
 * @param budgeted  project budgets per programme year (dropped projects excluded), in year order
 */
public record AdvancementCheck(String advancementId, List<BigDecimal> committed, List<BigDecimal> budgeted,
        List<Violation> findings) {

    public AdvancementCheck {
        committed = List.copyOf(committed);
        budgeted = List.copyOf(budgeted);
        findings = List.copyOf(findings);
    }

    public boolean complete() {
        return findings.isEmpty();
    }

    /** Checks a programme. Pure. */
    public static AdvancementCheck of(VillageAdvancement a) {
        String record = "advancement " + a.id();
        List<Violation> out = new ArrayList<>(outsideYears(a));
        List<BigDecimal> committed = new ArrayList<>();
        List<BigDecimal> budgeted = new ArrayList<>();
        for (int year : a.years()) {
            BigDecimal c = a.committed(year);
            BigDecimal b = a.budgeted(year);
            committed.add(c);
            budgeted.add(b);
            if (c.signum() == 0) {
                out.add(Violation.of(record, "funds", "advancement.no_funds", year));
            }
            boolean anyProject = a.projects().stream()
                    .anyMatch(p -> p.status() != MeasureStatus.DROPPED && p.budget(year).signum() > 0);
            if (!anyProject) {
                out.add(Violation.of(record, "projects", "advancement.no_projects", year));
            }
            if (b.compareTo(c) > 0) {
                out.add(Violation.of(record, "projects", "advancement.over_budget", year, b.toPlainString(),
                        c.toPlainString()));
            }
        }
        if (a.units().isEmpty()) {
            out.add(Violation.of(record, "units", "advancement.no_units"));
        }
        for (int i = 0; i < a.units().size(); i++) {
            UnitCommitment u = a.units().get(i);
            for (int year : a.years()) {
                if (!u.covers(year)) {
                    out.add(Violation.of(record, "units[" + i + "]", "advancement.unit_gap", u.unitId(), year));
                }
            }
        }
        return new AdvancementCheck(a.id(), committed, budgeted, out);
    }

    /** Project budgets or fund commitments placed outside the programme's three years. */
    static List<Violation> outsideYears(VillageAdvancement a) {
        String record = "advancement " + a.id();
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < a.projects().size(); i++) {
            VillageProject p = a.projects().get(i);
            if (p == null) {
                continue;
            }
            for (Integer y : p.budgetByYear().keySet()) {
                if (y < a.startYear() || y > a.endYear()) {
                    out.add(Violation.of(record, "projects[" + i + "].budgetByYear", "advancement.year_outside",
                            p.id(), y, a.startYear(), a.endYear()));
                }
            }
        }
        for (int i = 0; i < a.funds().size(); i++) {
            int y = a.funds().get(i) == null ? a.startYear() : a.funds().get(i).year();
            if (y < a.startYear() || y > a.endYear()) {
                out.add(Violation.of(record, "funds[" + i + "].year", "advancement.year_outside", "funds", y,
                        a.startYear(), a.endYear()));
            }
        }
        return out;
    }
}
