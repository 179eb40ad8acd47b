package io.marquee.query.player;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Maps {@code /player} (the address a screen is set up with) to the static page. The page and its
 * script are plain classpath resources, {@code static/player/}, served by Spring's resource handling.
 */
@Configuration(proxyBeanMethods = false)
class PlayerPage implements WebMvcConfigurer {

    static final String PAGE = "/player/index.html";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/player").setViewName("forward:" + PAGE);
        registry.addViewController("/player/").setViewName("forward:" + PAGE);
    }
}
