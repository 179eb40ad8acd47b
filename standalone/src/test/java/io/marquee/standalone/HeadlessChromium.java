package io.marquee.standalone;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's Chromium, driven headless through Debian's chromedriver. Both paths are given explicitly, so
 * Selenium Manager (which would download drivers and send usage statistics) never runs. The flags keep
 * Chromium from reaching for the network on its own.
 */
final class HeadlessChromium {

    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {
    }

    /**
     * Fails when Chromium is missing in CI ({@code CI} set: {@code .ci/run} installs it), and skips
     * with a message naming the packages anywhere else.
     */
    static void requireInstalled() {
        if (new File(BROWSER).canExecute() && new File(DRIVER).canExecute()) {
            return;
        }
        String missing = BROWSER + " or " + DRIVER + " is missing: apt-get install -y chromium chromium-driver";
        if (System.getenv("CI") != null) {
            fail(missing + " (CI is set, so this browser test may not be skipped)");
        }
        Assumptions.abort(missing + " (skipped because CI is not set)");
    }

    /** A fresh browser with a profile of its own, so no state leaks between runs. */
    static ChromeDriver start() {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,720", "--user-data-dir=" + freshProfile());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Path freshProfile() {
        try {
            return Files.createTempDirectory("marquee-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
