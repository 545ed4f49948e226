package org.jingzhun.example.web;

import java.util.EnumSet;
import java.util.Set;
import org.jingzhun.spi.access.Permission;

/**
 * The portal's roles (岗位角色) and the library permissions each one maps to. The region level a user works at comes
 * from the user's scope, not from the role: a township clerk is scoped to a township, a village cadre to a village.
 * Only the county officer sees personal data unmasked; the viewer only reads, and the auditor reads and checks the
 * county's audit log (审计) without seeing personal data.
 */
public enum Role {
    /** 县扶贫办干部: everything in the county, personal data included. */
    COUNTY_OFFICER("县扶贫办干部", EnumSet.allOf(Permission.class)),
    /** 乡镇扶贫专干: registers, reviews and carries the procedures of the township. */
    TOWNSHIP_CLERK("乡镇扶贫专干", EnumSet.of(Permission.READ, Permission.WRITE, Permission.APPROVE)),
    /** 村干部: records the village's reviews, notices and objections. */
    VILLAGE_CADRE("村干部", EnumSet.of(Permission.READ, Permission.WRITE, Permission.APPROVE)),
    /** 查看人员: reads figures and masked cards. */
    VIEWER("查看人员", EnumSet.of(Permission.READ)),
    /** 审计人员: reads, and reads and verifies the county's audit log, without personal data. */
    AUDITOR("审计人员", EnumSet.of(Permission.READ, Permission.AUDIT));

    private final String label;
    private final Set<Permission> permissions;

    Role(String label, Set<Permission> permissions) {
        this.label = label;
        this.permissions = Set.copyOf(permissions);
    }

    /** The zh-CN name of the role. */
    public String label() {
        return label;
    }

    /** The library permissions a user of this role acts with. */
    public Set<Permission> permissions() {
        return permissions;
    }
}
