package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.localinfra.Totp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), with a
 * fresh profile, so that every person has their own login session.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String AXE_VERSION = "4.11.0";
    private static final Path AXE = Path.of("target/axe/package/axe.min.js");

    final ChromeDriver driver;
    private final WebDriverWait wait;

    /** Skips the calling test when the machine has no Chromium (.ci/run installs it). */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
    }

    /** A desktop window of this size. */
    static Browser desktop(int width, int height) {
        return new Browser(width, height, false);
    }

    /** A phone's screen: a viewport of exactly this size, as a phone reports it. */
    static Browser phone(int width, int height) {
        return new Browser(width, height, true);
    }

    private Browser(int width, int height, boolean phone) {
        Path profile = Path.of("target/chromium-profiles", UUID.randomUUID().toString()).toAbsolutePath();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=ja");
        // Headless Chromium ignores --lang for Accept-Language: a Japanese person's browser asks for Japanese.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja,en"));
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        try {
            return wait.until(driver -> {
                try {
                    return ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)).apply(driver);
                } catch (WebDriverException e) {
                    return replacedMeanwhile(e) ? null : rethrow(e);
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + " (see " + keepPage("missing") + ")", e);
        }
    }

    /** The page as it is, for a failure's reader. */
    private Path keepPage(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + "-" + System.currentTimeMillis() + ".html");
            Files.writeString(file, driver.getPageSource());
            return file;
        } catch (IOException e) {
            return Path.of("nowhere");
        }
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Waits until the element's text contains {@code fragment} (the page may still be the previous one at first). */
    String awaitText(String css, String fragment) {
        try {
            return wait.until(driver -> {
                try {
                    String text = find(css).getText();
                    return text.contains(fragment) ? text : null;
                } catch (WebDriverException e) {
                    return replacedMeanwhile(e) ? null : rethrow(e);
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no '" + fragment + "' in " + css + " on " + driver.getCurrentUrl() + " (see "
                    + keepPage("text") + ")", e);
        }
    }

    /**
     * An element of a page that a navigation has just replaced: Chrome reports it as "does not belong to the
     * document" (or stale); looking again finds the new page's.
     */
    private static boolean replacedMeanwhile(WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    private static <T> T rethrow(WebDriverException e) {
        throw e;
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a field's value as its picker would (a time or date field's typed digits depend on the locale). */
    void pick(String css, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", find(css), value);
    }

    void click(String css) {
        find(css);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /**
     * Clicks a form's button and waits until the answer replaced the page. While the page is being
     * replaced Chromium may say the node "does not belong to the document" instead of "stale": gone too.
     */
    void submit(String css) {
        WebElement button = find(css);
        button.click();
        wait.until(d -> {
            try {
                button.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /**
     * Keycloak's login form, as a person fills it in, and the one-time code when Keycloak asks for one (support
     * agents, shop staff and operators): set up at a person's first login, entered at the next ones.
     */
    void logIn(String username, String password) {
        submitPassword(username, password);
        switch (awaitSecondFactor()) {
            case SET_UP -> {
                OneTimeCodes.setUp(username, setUpKey());
                type("#totp", OneTimeCodes.next(username));
                click("#saveTOTPBtn");
            }
            case CODE -> enterCode(OneTimeCodes.next(username));
            case NONE -> {
                // A customer: back at the console.
            }
        }
    }

    void submitPassword(String username, String password) {
        type("#username", username);
        type("#password", password);
        click("#kc-login");
    }

    enum SecondFactor { SET_UP, CODE, NONE }

    /** What Keycloak asks after the password: to set a one-time code up, to enter one, or nothing (a customer). */
    SecondFactor awaitSecondFactor() {
        try {
            return wait.until(d -> {
                if (!d.findElements(By.id("kc-totp-settings-form")).isEmpty()) {
                    return SecondFactor.SET_UP;
                }
                if (!d.findElements(By.id("kc-otp-login-form")).isEmpty()) {
                    return SecondFactor.CODE;
                }
                return d.getCurrentUrl().contains("/realms/") ? null : SecondFactor.NONE;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("still at the login on " + driver.getCurrentUrl() + " (see " + keepPage("login") + ")", e);
        }
    }

    /** The set-up page's secret, as "Unable to scan?" shows it for typing into an authenticator app. */
    byte[] setUpKey() {
        if (all("#kc-totp-secret-key").isEmpty()) {
            click("#mode-manual");
        }
        return Totp.base32(text("#kc-totp-secret-key"));
    }

    void enterCode(String code) {
        type("#otp", code);
        click("#kc-login");
    }

    void awaitPath(String prefix) {
        wait.until(d -> java.net.URI.create(d.getCurrentUrl()).getPath().startsWith(prefix));
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    String page() {
        return driver.getPageSource();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The width of the page's viewport in CSS pixels. */
    long viewportWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;")).longValue();
    }

    /** The page fits the window's width: nothing to scroll sideways. */
    void assertNoSidewaysScrolling() {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), "the page scrolls sideways at " + path());
    }

    /**
     * axe-core's WCAG 2 A/AA rules on the current page: no serious or critical violation. The
     * script comes from the npm registry ({@code npm pack axe-core}); without npm the check is skipped.
     */
    @SuppressWarnings("unchecked")
    void assertAccessible() {
        Optional<String> axe = axeScript();
        if (axe.isEmpty()) {
            System.out.println("accessibility check skipped: axe-core could not be fetched with npm");
            return;
        }
        JavascriptExecutor js = driver;
        js.executeScript(axe.get());
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact,"
                        + " help: v.help, nodes: v.nodes.map(n => n.html).slice(0, 3)}))}))"
                        + ".catch(e => done({error: String(e)}));");
        assertTrue(result.get("error") == null, "axe-core failed: " + result.get("error"));
        List<Map<String, Object>> serious = ((List<Map<String, Object>>) result.get("violations")).stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).toList();
        assertTrue(serious.isEmpty(), "accessibility violations on " + path() + ": " + serious);
    }

    private static synchronized Optional<String> axeScript() {
        try {
            if (!Files.isRegularFile(AXE)) {
                Path directory = AXE.getParent().getParent();
                Files.createDirectories(directory);
                if (run(directory, "npm", "pack", "axe-core@" + AXE_VERSION, "--silent")
                        && run(directory, "tar", "-xzf", "axe-core-" + AXE_VERSION + ".tgz", "package/axe.min.js")) {
                    System.out.println("axe-core " + AXE_VERSION + " fetched with npm");
                }
            }
            return Files.isRegularFile(AXE) ? Optional.of(Files.readString(AXE)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
