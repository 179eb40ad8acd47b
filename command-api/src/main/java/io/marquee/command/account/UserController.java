package io.marquee.command.account;

import io.marquee.command.web.Caller;
import io.marquee.command.web.CallerResolver;
import io.marquee.command.web.CommandSender;
import io.marquee.events.ids.UserId;
import io.marquee.infra.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Managing the users of the caller's organization: ADMIN only (see {@code CommandSecurityRules}). */
@RestController
@RequestMapping("/api/users")
class UserController {

    record AddUserRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @PasswordPolicy PlainPassword password,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull Role role) {
    }

    record AddUserResponse(UUID userId) {
    }

    record ChangeRoleRequest(@NotNull Role role) {
    }

    private final CallerResolver callers;
    private final CommandSender sender;
    private final PasswordHasher passwords;

    UserController(CallerResolver callers, CommandSender sender, PasswordHasher passwords) {
        this.callers = callers;
        this.sender = sender;
        this.passwords = passwords;
    }

    @PostMapping
    ResponseEntity<AddUserResponse> add(@Valid @RequestBody AddUserRequest request) {
        Caller caller = callers.current();
        UserId userId = UserId.random();
        HttpHeaders headers = sender.send(caller, new AddUserCommand(caller.organizationId(), userId,
                Credentials.normalizeEmail(request.email()), request.displayName(), request.role(),
                passwords.hash(request.password())), caller.organizationId());
        return new ResponseEntity<>(new AddUserResponse(userId.value()), headers, HttpStatus.CREATED);
    }

    @PutMapping("/{userId}/role")
    ResponseEntity<Void> changeRole(@PathVariable UUID userId, @Valid @RequestBody ChangeRoleRequest request) {
        Caller caller = callers.current();
        HttpHeaders headers = sender.send(caller,
                new ChangeUserRoleCommand(caller.organizationId(), new UserId(userId), request.role()),
                caller.organizationId());
        return new ResponseEntity<>(headers, HttpStatus.OK);
    }

    @DeleteMapping("/{userId}")
    ResponseEntity<Void> remove(@PathVariable UUID userId) {
        Caller caller = callers.current();
        HttpHeaders headers = sender.send(caller, new RemoveUserCommand(caller.organizationId(), new UserId(userId)),
                caller.organizationId());
        return new ResponseEntity<>(headers, HttpStatus.NO_CONTENT);
    }
}
