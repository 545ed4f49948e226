package org.jingzhun.example.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.error.ConflictException;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.StorageException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.error.WorkflowException;
import org.junit.jupiter.api.Test;

/**
 * The portal's error contract for the errors a read-only portal cannot provoke over GET (validation, conflicts):
 * the HTTP status of each kind of library error and the JSON body with every violation.
 */
class PortalErrorMappingTest {
    private final ObjectMapper json = JsonMapper.builder().build();

    @Test
    void statusPerErrorKind() {
        assertThat(PortalServer.statusOf(new NotFoundException("household.not_found", "x"))).isEqualTo(404);
        assertThat(PortalServer.statusOf(new AccessDeniedException("access.denied"))).isEqualTo(403);
        assertThat(PortalServer.statusOf(new ValidationException(List.of()))).isEqualTo(400);
        assertThat(PortalServer.statusOf(new ConflictException("storage.version_conflict"))).isEqualTo(409);
        assertThat(PortalServer.statusOf(new WorkflowException("workflow.step"))).isEqualTo(409);
        assertThat(PortalServer.statusOf(new StorageException("storage.failed", "x"))).isEqualTo(503);
    }

    @Test
    void validationErrorsCarryEveryViolation() throws Exception {
        ValidationException e = new ValidationException(List.of(
                Violation.of("row 1", "members", "validation.head_count", 0),
                Violation.of("row 2", "region", "validation.region_unknown", "341702999999")));
        JsonNode body = json.readTree(json.writeValueAsString(PortalServer.errorBody(e)));
        assertThat(body.get("code").asText()).isEqualTo("validation.failed");
        assertThat(body.get("violations")).hasSize(2);
        assertThat(body.get("violations").get(1).get("field").asText()).isEqualTo("region");
        assertThat(body.get("violations").get(0).get("messageZh").asText()).contains("户主");
        assertThat(body.get("messageZh").asText()).contains("2");
    }

    @Test
    void otherErrorsHaveNoViolationsField() throws Exception {
        JsonNode body = json.readTree(json.writeValueAsString(
                PortalServer.errorBody(new ConflictException("storage.version_conflict", "household", "x", 1, 2))));
        assertThat(body.get("code").asText()).isEqualTo("storage.version_conflict");
        assertThat(body.get("messageZh").asText()).contains("已被他人修改");
        assertThat(body.has("violations")).isFalse();
    }
}
