package org.jingzhun.core.exchange;

/** How an import treats refused rows (导入方式). */
public enum ImportMode {
    /** Dry run (仅校验): every check runs, including against the registry, and nothing is written. */
    VALIDATE_ONLY,
    /** All or nothing (全部或不导入): one unit of work for the whole file; any refused row writes nothing. */
    ALL_OR_NOTHING,
    /** Accept valid rows (导入有效行): valid households are written chunk by chunk, refused ones reported. */
    ACCEPT_VALID
}
