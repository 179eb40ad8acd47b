package io.marquee.command.web;

import io.marquee.events.ids.OrganizationId;
import io.marquee.infra.config.MarqueeProperties;
import org.springframework.stereotype.Component;

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
}
