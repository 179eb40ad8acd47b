package io.marquee.command.account;

import io.marquee.command.web.Caller;
import io.marquee.command.web.CommandSender;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import io.marquee.infra.security.AuthenticatedCaller;
import io.marquee.infra.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Registering an organization with its first ADMIN, and who the caller is. Login is in {@code command.security}. */
@RestController
@RequestMapping("/api/auth")
class AccountController {

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @PasswordPolicy PlainPassword password,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Size(max = 200) String organizationName) {
    }

    record RegisterResponse(UUID userId, UUID organizationId, Role role) {
    }

    record MeResponse(UUID userId, String email, String displayName, UUID organizationId, Role role) {
    }

    private final CommandSender sender;
    private final PasswordHasher passwords;
    private final Credentials credentials;

    AccountController(CommandSender sender, PasswordHasher passwords, Credentials credentials) {
        this.sender = sender;
        this.passwords = passwords;
        this.credentials = credentials;
    }

    @PostMapping("/register")
    ResponseEntity<RegisterResponse> register(@Valid @RequestBody RegisterRequest request) {
        OrganizationId organizationId = OrganizationId.random();
        UserId userId = UserId.random();
        HttpHeaders headers = sender.send(new Caller(organizationId, userId.toString()),
                new RegisterOrganizationCommand(organizationId, request.organizationName(), userId,
                        Credentials.normalizeEmail(request.email()), request.displayName(), passwords.hash(request.password())),
                organizationId);
        return new ResponseEntity<>(new RegisterResponse(userId.value(), organizationId.value(), Role.ADMIN),
                headers, HttpStatus.CREATED);
    }

    /** The caller as the write side knows them now: a role changed since login shows here already. */
    @GetMapping("/me")
    MeResponse me() {
        AuthenticatedCaller caller = AuthenticatedCaller.current()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no caller"));
        Credentials.Account account = credentials.byUserId(caller.userId())
                .filter(stored -> !stored.removed())
                .orElseThrow(() -> new InvalidBearerTokenException("the user was removed"));
        return new MeResponse(account.userId().value(), account.email(), account.displayName(),
                account.organizationId().value(), account.role());
    }
}
