package io.marquee.command.security;

import io.marquee.command.account.PlainPassword;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** {@code POST /api/auth/login}: email and password for a short-lived bearer token. */
@RestController
class LoginController {

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull PlainPassword password) {
    }

    record LoginResponse(String accessToken, String tokenType, long expiresIn) {
        @Override
        public String toString() {
            return "LoginResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }

    private final Login login;

    LoginController(Login login) {
        this.login = login;
    }

    /**
     * The client address is the connection's peer. Behind a proxy that is the proxy, unless the server
     * is told to trust forwarded headers ({@code server.forward-headers-strategy}).
     */
    @PostMapping("/api/auth/login")
    LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        AccessTokens.AccessToken token = login.login(request.email(), request.password(), http.getRemoteAddr());
        return new LoginResponse(token.value(), "Bearer", token.ttl().toSeconds());
    }

    @ExceptionHandler(LoginRefusedException.class)
    ProblemDetail refused(LoginRefusedException e) {
        return problem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials", e.getMessage());
    }

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException e) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "login-throttled", "Too many failed logins",
                "Too many failed logins for this account or from this address; retry after "
                        + e.retryAfterSeconds() + " seconds.");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://marquee.dev/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
