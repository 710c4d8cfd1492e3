package org.muster;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base class for {@code *BrowserTests}: drives the real Debian Chromium through Playwright.
 *
 * <p>Starting Chromium costs about a second, so one Playwright and one headless browser serve a
 * whole test class; each test gets a fresh {@link BrowserContext} (its own cookies, so its own
 * session) and {@link Page}, so tests never see each other's sign-in. The browser is the system
 * one ({@code /usr/bin/chromium}) because the build machine has no internet to download
 * Playwright's own; surefire sets {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} for the same reason.
 * The launch flags keep Chromium off the (closed) network and let it run as root in a container.
 *
 * <p>Screenshots are evidence for a human reviewer, not assertions: {@link #screenshot} writes a
 * full-page PNG to {@code target/screenshots/<name>.png}.
 *
 * <p>Not thread-safe (Playwright is not): do not run a subclass's tests in parallel.
 */
public abstract class BrowserSupport {
    /** Long enough for a cold page on a busy 2-core CI machine, short enough to fail a test quickly. */
    protected static final double TIMEOUT_MILLIS = 15_000;

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    private static Playwright playwright;
    private static Browser browser;

    /** The page of the current test, in a browser context of its own. */
    protected Page page;

    private BrowserContext context;

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS));
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MILLIS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 800)
                .setLocale("en-US")
                .setTimezoneId("UTC"));
        context.setDefaultTimeout(TIMEOUT_MILLIS);
        context.setDefaultNavigationTimeout(TIMEOUT_MILLIS);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    /** Saves a full-page PNG as {@code target/screenshots/<name>.png} and returns its path. */
    protected static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /**
     * Signs in through the login form, as a person would, and waits until the browser has left the
     * login page. For a failed sign-in use the form directly: this helper expects success.
     */
    protected static void signIn(Page page, String baseUrl, String username, String password) {
        submitLogin(page, baseUrl, username, password);
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
    }

    /** Fills and submits the login form without judging the outcome. */
    protected static void submitLogin(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        page.getByLabel("User name", new Page.GetByLabelOptions().setExact(true))
                .fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }
}
