package io.marquee.infra.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Adds every {@code META-INF/marquee/*.properties} on the classpath as the lowest-precedence
 * property source. Each module ships its defaults there, so they add up when modules share one JVM
 * (only one {@code application.properties} would win), and anything an operator sets overrides them.
 */
public class ModuleDefaultsPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String PATTERN = "classpath*:META-INF/marquee/*.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(PATTERN);
            Arrays.sort(resources, Comparator.comparing(Resource::getDescription));
            for (Resource resource : resources) {
                String name = "marquee-defaults:" + resource.getFilename();
                if (!environment.getPropertySources().contains(name)) {
                    environment.getPropertySources().addLast(new ResourcePropertySource(name, resource));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Marquee module defaults", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
