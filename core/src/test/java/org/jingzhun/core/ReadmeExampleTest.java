package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jingzhun.core.example.EmbeddingExample;
import org.jingzhun.core.registry.HistoryEntry;
import org.junit.jupiter.api.Test;

/** The README shows exactly the code of EmbeddingExample, and that code works. */
class ReadmeExampleTest {

    @Test
    void readmeShowsTheCompiledExample() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/jingzhun/core/example/EmbeddingExample.java"));
        String snippet = between(source, "// readme:begin\n", "            // readme:end");
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(normalise(readme)).contains(normalise(snippet));
    }

    @Test
    void exampleRegistersAmendsReadsHistoryAndIsRefusedOutsideScope() {
        List<HistoryEntry> history = EmbeddingExample.run();
        assertThat(history).extracting(HistoryEntry::action).containsExactly("register", "amend");
        assertThat(history.get(1).changes()).extracting(c -> c.path()).containsExactly("members[1].health");
    }

    private static String between(String s, String start, String end) {
        int a = s.indexOf(start) + start.length();
        return s.substring(a, s.indexOf(end, a));
    }

    /** Compares ignoring common indentation so the README may indent the block differently. */
    private static String normalise(String s) {
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
