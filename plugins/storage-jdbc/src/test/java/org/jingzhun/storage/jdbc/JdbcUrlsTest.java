package org.jingzhun.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.jingzhun.storage.jdbc.internal.JdbcUrls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://h/db?user=u&password=x1&ssl=true | jdbc:postgresql://h/db?user=u&password=****&ssl=true",
        "jdbc:postgresql://h/db?PASSWORD=x1                 | jdbc:postgresql://h/db?PASSWORD=****",
        "jdbc:h2:file:/tmp/r;USER=sa;PASSWORD=x1;MODE=REGULAR | jdbc:h2:file:/tmp/r;USER=sa;PASSWORD=****;MODE=REGULAR",
        "jdbc:mariadb://u:x1@h:3306/db                      | jdbc:mariadb://u:****@h:3306/db",
        "jdbc:mysql://h:3306/db?pwd=x1                      | jdbc:mysql://h:3306/db?pwd=****",
        "jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1                 | jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1",
    })
    void passwordsInUrlsAreMasked(String url, String shown) {
        assertThat(JdbcUrls.redact(url)).isEqualTo(shown);
    }
}
