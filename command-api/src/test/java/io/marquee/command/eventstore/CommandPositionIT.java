package io.marquee.command.eventstore;

import io.marquee.command.CommandApiTestSupport;
import io.marquee.command.TestAdmin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The {@code Marquee-Position} of a command response is the global index its event was stored at,
 * reported by the event store's insert itself: the same number the events table holds, for commands
 * running side by side too; a command that stores nothing answers the aggregate's latest position.
 */
class CommandPositionIT extends CommandApiTestSupport {


    static final TestAdmin admin = new TestAdmin("Positions");
    String display;

    @BeforeEach
    void aDisplay() throws Exception {
        display = json.readTree(send("POST", "/api/displays", "{\"name\":\"Lobby\"}").getContentAsString())
                .get("displayId").asText();
    }

    @Test
    void a_command_answers_the_position_its_event_was_stored_at() throws Exception {
        // when
        MockHttpServletResponse renamed = send("PATCH", "/api/displays/" + display, "{\"name\":\"Hall\"}");

        // then
        assertThat(renamed.getStatus()).isEqualTo(200);
        assertThat(renamed.getHeader("Marquee-Position")).isEqualTo(Long.toString(latestPositionOf(display)));
    }

    @Test
    void a_command_that_stores_nothing_answers_the_aggregates_latest_position() throws Exception {
        // given
        long latest = latestPositionOf(display);

        // when
        MockHttpServletResponse unchanged = send("PATCH", "/api/displays/" + display, "{}");

        // then
        assertThat(unchanged.getStatus()).isEqualTo(200);
        assertThat(unchanged.getHeader("Marquee-Position")).isEqualTo(Long.toString(latest));
    }

    @Test
    void commands_sent_side_by_side_each_answer_the_position_of_their_own_event() throws Exception {
        // given
        long registered = latestPositionOf(display);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Callable<MockHttpServletResponse>> renames = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            String name = "Screen " + n;
            renames.add(() -> send("PATCH", "/api/displays/" + display, "{\"name\":\"" + name + "\"}"));
        }

        // when
        List<String> answered = new ArrayList<>();
        try {
            for (Future<MockHttpServletResponse> response : senders.invokeAll(renames)) {
                assertThat(response.get().getStatus()).isEqualTo(200);
                answered.add(response.get().getHeader("Marquee-Position"));
            }
        } finally {
            senders.shutdownNow();
        }

        // then
        List<String> stored = jdbc.queryForList("""
                SELECT global_index FROM domain_event_entry
                WHERE aggregate_identifier = ? AND global_index > ?""", Long.class, display, registered)
                .stream().map(String::valueOf).toList();
        assertThat(answered).containsExactlyInAnyOrderElementsOf(stored);
    }

    private long latestPositionOf(String aggregateId) {
        return jdbc.queryForObject("""
                SELECT global_index FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""", Long.class, aggregateId);
    }

    private MockHttpServletResponse send(String method, String path, String body) throws Exception {
        return admin.send(mvc, method, path, body);
    }
}
