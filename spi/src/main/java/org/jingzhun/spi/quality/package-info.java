/**
 * Data-quality rule packs (数据质量规则包): declarative, parameterised consistency checks over the facts of one
 * household, contributed by plugins through {@link org.jingzhun.spi.Plugin#qualityPacks()} and run by the host over
 * an area. A rule has a stable code, a severity, zh-CN and en messages and fix hints, the pack parameters it reads,
 * and a check that reports {@link org.jingzhun.spi.quality.Finding findings} naming record and field.
 */
package org.jingzhun.spi.quality;
