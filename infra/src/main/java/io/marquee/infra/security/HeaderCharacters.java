package io.marquee.infra.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.function.Predicate;

/**
 * The firewall's rule for header and parameter names and values, without a regular expression.
 *
 * <p>{@link StrictHttpFirewall} accepts a value when every code point is assigned and not a control
 * character, and checks it with the pattern {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} on every
 * header read. A player's bearer token is several hundred characters and is read more than once per
 * request, so on the display hot path that pattern cost more CPU than everything else Spring did for
 * the request. This is the same rule as a loop: printable ASCII is decided by a range check, anything
 * else by the same Unicode properties the pattern uses.
 */
final class HeaderCharacters implements Predicate<String> {

    static final HeaderCharacters ALLOWED = new HeaderCharacters();

    private HeaderCharacters() {
    }

    @Override
    public boolean test(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            if (c < 0x80) {
                return false; // an ASCII control character, DEL included
            }
            int codePoint = value.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint) - 1;
        }
        return true;
    }

    /** Spring Security's strict firewall, every other rule unchanged, with this check for names and values. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(ALLOWED);
        firewall.setAllowedHeaderValues(ALLOWED);
        firewall.setAllowedParameterNames(ALLOWED);
        firewall.setAllowedParameterValues(ALLOWED);
        return firewall;
    }
}
