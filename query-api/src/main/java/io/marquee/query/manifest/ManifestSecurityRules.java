package io.marquee.query.manifest;

import io.marquee.infra.security.SecurityRules;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The manifest needs a valid user token of any role; the controller then hides other organizations'
 * displays. Verification uses the public key only, so this role never needs the signing key.
 */
@Component
@Order(SecurityRules.READ_SIDE_ORDER)
class ManifestSecurityRules implements SecurityRules {

    @Override
    public void contributeTo(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.GET, "/api/displays/{displayId}/manifest")).authenticated());
    }
}
