package org.skysieve.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.skysieve.catalog.archive.Folders;

/**
 * Debian's chromium driven by Debian's chromedriver for the portal's browser tests: both paths are given explicitly, so
 * Selenium Manager never looks for (or downloads) a browser or a driver; the browser runs headless with a fresh profile
 * and without any background network traffic of its own. One per test class; not thread-safe.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Why the browser cannot run here (a missing Debian package), or empty when it can. */
    static Optional<String> unavailableReason() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return Optional.of("Expected " + CHROMIUM + " and " + CHROMEDRIVER + " (Debian packages chromium and"
                    + " chromium-driver: apt-get install chromium chromium-driver). Actual: " + (Files.isExecutable(CHROMIUM)
                    ? "" : CHROMIUM + " missing ") + (Files.isExecutable(CHROMEDRIVER) ? "" : CHROMEDRIVER + " missing"));
        }
        return Optional.empty();
    }

    static HeadlessChromium start(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("skysieve-chromium-profile-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(driver, service, profile);
        } catch (RuntimeException e) {
            service.stop();
            Folders.deleteRecursively(profile);
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Saves the whole page (beyond the window's height too) as {@code folder/name.png}. */
    void screenshot(Path folder, String name) {
        try {
            Files.createDirectories(folder);
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) driver.executeScript("return {width:"
                    + " document.documentElement.scrollWidth, height: Math.min(8000, document.documentElement.scrollHeight)}");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Files.write(folder.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            Folders.deleteRecursively(profile);
        }
    }
}
