package io.marquee.command.web;

import io.marquee.events.ids.OrganizationId;
import io.marquee.infra.config.MarqueeProperties;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Decides who is calling. Until accounts and login exist (issue 3) every request acts for the
 * configured development organization; everything downstream is already scoped by organization.
 */
@Component
public class CallerResolver {

    private final Caller developmentCaller;

    CallerResolver(MarqueeProperties properties) {
        this.developmentCaller = new Caller(new OrganizationId(properties.devOrganizationId()), "dev");
    }

    public Caller current() {
        return developmentCaller;
    }

    /** The caller, if the request has one (an anonymous request has none). */
    public Optional<Caller> currentIfKnown() {
        return Optional.of(developmentCaller);
    }
}
