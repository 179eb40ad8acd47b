package io.marquee.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.infra.runtime.RuntimeProperties;
import io.marquee.infra.runtime.SharedTestRuntime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the write side's integration tests share: the command API alone over the shared runtime's real
 * broker and database, driven through MockMvc, with the events table at hand.
 */
@AutoConfigureMockMvc
@SpringBootTest(classes = CommandApiApplication.class)
public abstract class CommandApiTestSupport {

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        RuntimeProperties.register(registry, SharedTestRuntime.get());
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcTemplate jdbc;

    protected final ObjectMapper json = new ObjectMapper();
}
