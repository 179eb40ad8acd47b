package io.marquee.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The ADMIN of an organization of its own, sending JSON requests to the command API through MockMvc.
 * Registering and logging in cost a BCrypt hash each, so it registers on its first request and a test
 * class keeps one in a static field.
 */
public final class TestAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery staple";

    private final String organizationName;
    private String accessToken; // guarded by this

    public TestAdmin(String organizationName) {
        this.organizationName = organizationName;
    }

    /** Sends {@code body} as JSON with this admin's access token; the response, whatever its status. */
    public MockHttpServletResponse send(MockMvc mvc, String method, String path, String body) throws Exception {
        var request = request(HttpMethod.valueOf(method), path).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Authorization", "Bearer " + accessToken(mvc));
        return mvc.perform(request).andReturn().getResponse();
    }

    private synchronized String accessToken(MockMvc mvc) throws Exception {
        if (accessToken == null) {
            String email = organizationName.toLowerCase(Locale.ROOT) + "-admin-" + UUID.randomUUID() + "@example.com";
            MockHttpServletResponse registered = mvc.perform(request(HttpMethod.POST, "/api/auth/register")
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"email":"%s","password":"%s","displayName":"Ada","organizationName":"%s"}"""
                            .formatted(email, PASSWORD, organizationName))).andReturn().getResponse();
            assertThat(registered.getStatus()).as(registered.getContentAsString()).isEqualTo(201);
            MockHttpServletResponse login = mvc.perform(request(HttpMethod.POST, "/api/auth/login")
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"email":"%s","password":"%s"}""".formatted(email, PASSWORD))).andReturn().getResponse();
            assertThat(login.getStatus()).as(login.getContentAsString()).isEqualTo(200);
            accessToken = JSON.readTree(login.getContentAsString()).get("accessToken").asText();
        }
        return accessToken;
    }
}
