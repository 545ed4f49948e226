package org.jingzhun.core.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.person.Masking;

/**
 * The one place personal data is masked (个人信息脱敏): every read API of core passes households, members and
 * recorded JSON through it with the caller's {@link MaskingProfile}, so no host can leak an ID by forgetting a check.
 * A masked household is a view: its redacted ID, masked phone and bank number cannot be written back (the registry
 * restores withheld values it recognises, see {@link #restoreWithheld}).
 */
public final class Disclosure {
    /** Replaces a withheld value in recorded JSON and history. */
    public static final String WITHHELD = "***";
    private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[\\dXx]|\\d{15}");
    private static final Set<String> WITHHELD_FIELDS = Set.of("address", "health", "addressDetail");

    /**
     * The profile a principal may read with: {@code requested}, or {@link MaskingProfile#defaultFor} when null.
     *
     * @throws AccessDeniedException when {@link MaskingProfile#FULL} is asked without VIEW_PERSONAL_DATA
     */
    public MaskingProfile allowed(Principal principal, MaskingProfile requested) {
        Objects.requireNonNull(principal, "principal");
        if (requested == null) {
            return MaskingProfile.defaultFor(principal);
        }
        if (requested == MaskingProfile.FULL && !principal.can(Permission.VIEW_PERSONAL_DATA)) {
            throw new AccessDeniedException("access.permission", principal.userId(), Permission.VIEW_PERSONAL_DATA);
        }
        return requested;
    }

    /** {@code h} as the profile lets it out; the same object under {@link MaskingProfile#FULL}. */
    public Household household(Household h, MaskingProfile profile) {
        if (h == null || profile == MaskingProfile.FULL) {
            return h;
        }
        List<Member> members = new ArrayList<>(h.members().size());
        for (Member m : h.members()) {
            members.add(member(m, profile));
        }
        boolean screen = profile == MaskingProfile.SCREEN;
        return h.toBuilder()
                .address(null)
                .phone(screen && h.phone() != null ? Masking.phone(h.phone()) : null)
                .bank(screen ? h.bankName() : null,
                        screen && h.bankAccount() != null ? Masking.bankAccount(h.bankAccount()) : null)
                .members(members)
                .build();
    }

    /** {@code m} as the profile lets it out: the ID redacted (screen) or removed (public notice), health withheld. */
    public Member member(Member m, MaskingProfile profile) {
        if (m == null || profile == MaskingProfile.FULL) {
            return m;
        }
        return new Member(m.name(), citizenId(m.citizenId(), profile), m.relationship(), m.ethnicity(),
                m.education(), m.studentStatus(), null, m.labourAbility(), m.migrantWork(), m.monthsWorked(),
                m.insurances(), m.servingSoldier());
    }

    /** An ID as the profile lets it out: itself, redacted (screen) or null (public notice). */
    public CitizenId citizenId(CitizenId id, MaskingProfile profile) {
        if (id == null || profile == MaskingProfile.FULL) {
            return id;
        }
        return profile == MaskingProfile.SCREEN ? id.redacted() : null;
    }

    /**
     * A recorded JSON tree (audit before/after, stored documents) as the profile lets it out: a copy in which every
     * string shaped like a citizen ID is redacted, {@code phone}/{@code bankAccount} fields masked and address and
     * health fields withheld; under public notice all of them are withheld.
     */
    public JsonNode json(JsonNode node, MaskingProfile profile) {
        if (node == null || profile == MaskingProfile.FULL) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        maskInPlace(null, copy, profile);
        return copy;
    }

    private void maskInPlace(String field, JsonNode node, MaskingProfile profile) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            List<Map.Entry<String, JsonNode>> replace = new ArrayList<>();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isValueNode()) {
                    JsonNode masked = maskValue(e.getKey(), e.getValue(), profile);
                    if (masked != e.getValue()) {
                        replace.add(Map.entry(e.getKey(), masked));
                    }
                } else {
                    maskInPlace(e.getKey(), e.getValue(), profile);
                }
            }
            replace.forEach(e -> o.set(e.getKey(), e.getValue()));
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isValueNode()) {
                    a.set(i, maskValue(field, a.get(i), profile));
                } else {
                    maskInPlace(field, a.get(i), profile);
                }
            }
        }
    }

    private JsonNode maskValue(String field, JsonNode value, MaskingProfile profile) {
        if (value.isNull()) {
            return value;
        }
        String text = value.asText();
        if (field != null && WITHHELD_FIELDS.contains(field)) {
            return TextNode.valueOf(WITHHELD);
        }
        if ("phone".equals(field)) {
            return TextNode.valueOf(profile == MaskingProfile.SCREEN ? Masking.phone(text) : WITHHELD);
        }
        if ("bankAccount".equals(field)) {
            return TextNode.valueOf(profile == MaskingProfile.SCREEN ? Masking.bankAccount(text) : WITHHELD);
        }
        if (value.isTextual()) {
            String masked = text(text, profile);
            return masked.equals(text) ? value : TextNode.valueOf(masked);
        }
        return value;
    }

    /**
     * Free text as the profile lets it out: every run of digits shaped like a citizen ID (18 characters, or a legacy
     * 15) inside it redacted to its first 6 and last 4 (screen) or withheld (public notice).
     */
    public String text(String text, MaskingProfile profile) {
        if (text == null || profile == MaskingProfile.FULL || text.length() < 15) {
            return text;
        }
        var m = ID_SHAPE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            String id = m.group();
            m.appendReplacement(out, profile == MaskingProfile.SCREEN
                    ? id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4)
                    : WITHHELD);
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A household a principal without VIEW_PERSONAL_DATA changed from a masked read, with the values it could not
     * see put back from {@code before}: a redacted ID equal to the redaction of a stored member's ID, a masked
     * phone or bank number equal to the mask of the stored one, and an address or health left out. What does not
     * match stays as given, so validation refuses a redacted ID that names no stored member.
     */
    public Household restoreWithheld(Household changed, Household before) {
        if (changed == null || before == null) {
            return changed;
        }
        Household.Builder b = changed.toBuilder();
        if (changed.address() == null) {
            b.address(before.address());
        }
        if (changed.phone() != null && before.phone() != null && changed.phone().equals(Masking.phone(before.phone()))) {
            b.phone(before.phone());
        }
        String bank = changed.bankAccount();
        if (bank != null && before.bankAccount() != null && bank.equals(Masking.bankAccount(before.bankAccount()))) {
            b.bank(changed.bankName(), before.bankAccount());
        }
        List<Member> members = new ArrayList<>(changed.members().size());
        for (int i = 0; i < changed.members().size(); i++) {
            members.add(restore(changed.members().get(i), i, before.members()));
        }
        return b.members(members).build();
    }

    private static Member restore(Member m, int index, List<Member> before) {
        if (m == null) {
            return null;
        }
        Member stored = null;
        if (m.citizenId() != null && m.citizenId().isRedacted()) {
            stored = matchRedacted(m, index, before);
            if (stored == null) {
                return m;
            }
        } else if (m.citizenId() != null) {
            stored = before.stream().filter(s -> s.citizenId().equals(m.citizenId())).findFirst().orElse(null);
        }
        if (stored == null) {
            return m;
        }
        return new Member(m.name(), stored.citizenId(), m.relationship(), m.ethnicity(), m.education(),
                m.studentStatus(), m.health() == null ? stored.health() : m.health(), m.labourAbility(),
                m.migrantWork(), m.monthsWorked(), m.insurances(), m.servingSoldier());
    }

    /** The stored member a redacted ID stands for: at the same position, else the only one with that redaction. */
    private static Member matchRedacted(Member m, int index, List<Member> before) {
        if (index < before.size() && before.get(index).citizenId().redacted().equals(m.citizenId())) {
            return before.get(index);
        }
        List<Member> same = before.stream().filter(s -> s.citizenId().redacted().equals(m.citizenId())).toList();
        return same.size() == 1 ? same.get(0) : null;
    }
}
