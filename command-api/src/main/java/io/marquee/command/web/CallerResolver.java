package io.marquee.command.web;

import io.marquee.infra.security.AuthenticatedCaller;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Decides who is calling: the user of the request's verified access token. The organization scopes
 * every command; the user id is the actor recorded on its events.
 */
@Component
public class CallerResolver {

    /**
     * The caller of the current request.
     *
     * @throws AuthenticationCredentialsNotFoundException (401) if the request carries no user token,
     *                                                    which the security rules already prevent
     */
    public Caller current() {
        return currentIfKnown()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no authenticated caller"));
    }

    /** The caller, if the request has one (an anonymous request has none). */
    public Optional<Caller> currentIfKnown() {
        return AuthenticatedCaller.current()
                .map(caller -> new Caller(caller.organizationId(), caller.userId().toString()));
    }
}
