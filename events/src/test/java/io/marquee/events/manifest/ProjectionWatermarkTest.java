package io.marquee.events.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.OrganizationId;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionWatermarkTest {

    private static final ObjectMapper JSON = MarqueeJson.newMapper();
    private static final OrganizationId ORG = new OrganizationId(UUID.fromString("0b0e7a7e-0000-4000-8000-000000000001"));

    @Test
    void a_watermark_written_before_manifest_offsets_existed_reads_as_asking_for_none() throws Exception {
        // given the record as the first release wrote it
        String old = "{\"organizationId\":\"" + ORG + "\",\"position\":42}";

        // when
        ProjectionWatermark watermark = JSON.readValue(old, ProjectionWatermark.class);

        // then
        assertThat(watermark).isEqualTo(new ProjectionWatermark(ORG, 42));
        assertThat(watermark.manifestOffsets()).isEmpty();
    }

    @Test
    void manifest_offsets_survive_the_round_trip() throws Exception {
        // given
        ProjectionWatermark watermark = new ProjectionWatermark(ORG, 42, Map.of(0, 17L, 2, 5L));

        // when
        byte[] bytes = JSON.writeValueAsBytes(watermark);

        // then
        assertThat(JSON.readValue(bytes, ProjectionWatermark.class)).isEqualTo(watermark);
        assertThat(JSON.readTree(bytes).get("manifestOffsets").get("0").asLong()).isEqualTo(17L);
    }
}
