package io.marquee.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.NullRequestCache;

import jakarta.servlet.DispatcherType;


/**
 * The one security filter chain of a Marquee process: stateless, bearer tokens verified with the RSA
 * public key only, 401/403 as problem+json. Health probes and Prometheus are public, other actuator
 * endpoints are for ADMINs, each role adds its rules ({@link SecurityRules}), and anything left needs a
 * valid token.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(JwtProperties.class)
@Import(SecurityExceptionAdvice.class)
public class MarqueeSecurityAutoConfiguration {

    @Bean
    JwtKeyMaterial jwtKeyMaterial(JwtProperties properties) {
        return JwtKeyMaterial.from(properties);
    }

    @Bean
    JwtDecoder jwtDecoder(JwtKeyMaterial keys, JwtProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        // The default validators accept a token without "exp"; a user's token always expires. A device
        // token does not: it is revoked by its generation (see AuthenticatedDevice).
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                jwt -> jwt.getExpiresAt() != null || AuthenticatedDevice.isDeviceToken(jwt)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no expiry", null))));
        return new VerifiedTokenCache(decoder, properties.verifiedTokenCacheSize(), Clock.systemUTC());
    }

    @Bean
    DeviceTokens deviceTokens(JwtDecoder decoder) {
        return new DeviceTokens(decoder);
    }

    /** Picked up by Spring Security's {@code WebSecurity}; see {@link HeaderCharacters} for why. */
    @Bean
    HttpFirewall marqueeHttpFirewall() {
        return HeaderCharacters.firewall();
    }

    /**
     * No observation per security filter: wrapping each of the chain's filters in its own observation
     * costs every request more than the authorization itself, and {@code http.server.requests} already
     * times the whole request, 401s and 403s included.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityProblems securityProblems(ObjectMapper json) {
        return new SecurityProblems(json);
    }

    @Bean
    SecurityFilterChain marqueeSecurityFilterChain(HttpSecurity http, JwtDecoder decoder, SecurityProblems problems,
                                                   ObjectProvider<SecurityRules> rules) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerTokenHeader())
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new CallerAuthenticationConverter()))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        // Path patterns, not the MVC matchers plain strings give: those look up the handler of every
        // request once per pattern, before the rule that actually applies is reached.
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(requests -> requests
                // an error dispatch shows the original request's error, whoever asked
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(paths.matcher(HttpMethod.GET, "/actuator/health"),
                        paths.matcher(HttpMethod.GET, "/actuator/health/**"),
                        paths.matcher(HttpMethod.GET, "/actuator/prometheus")).permitAll()
                .requestMatchers(paths.matcher("/actuator/**")).hasRole(Role.ADMIN.name()));
        for (SecurityRules contribution : rules.orderedStream().toList()) {
            contribution.contributeTo(http);
        }
        // Device tokens open only what a rule grants them explicitly (MarqueeAuthorization.device()).
        http.authorizeHttpRequests(requests -> requests.anyRequest().access(MarqueeAuthorization.user()));
        return http.build();
    }
}
