package io.github.swfheartbeat.sample.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.swfheartbeat.sample.transcode.TranscodeView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser: Debian's chromium and chromedriver (which {@code .ci/run}
 * installs), headless. Skipped when they are not installed; Selenium Manager is never asked to
 * download a driver or a browser.
 */
@SampleWebTest
class DashboardBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static WebDriver browser;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"chromium and chromedriver are not installed at /usr/bin (.ci/run installs them)");
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(new File(CHROMIUM.toString()));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900");
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void progressAdvancesLiveAndCancelButtonCancels() {
		TranscodeView transcode = new SampleHttpClient(this.port).start(200, 100);
		browser.get("http://localhost:" + this.port + "/");
		// A reload would drop this marker.
		((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
		int first = await().atMost(TIMEOUT).until(() -> progress(transcode.id()), (value) -> value > 0);
		await().atMost(TIMEOUT).until(() -> progress(transcode.id()), (value) -> value > first);
		assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);
		assertThat(browser.findElement(By.id("health-status")).getText()).isEqualTo("UP");
		await().atMost(TIMEOUT).until(() -> row(transcode.id()).findElement(By.cssSelector(".heartbeats")).getText(),
				(heartbeats) -> !heartbeats.equals("0"));

		row(transcode.id()).findElement(By.cssSelector("button.cancel")).click();

		await().atMost(TIMEOUT).until(() -> state(transcode.id()), "cancelled"::equals);
		assertThat(row(transcode.id()).findElement(By.cssSelector(".outcome")).getText()).contains("noticed");
		assertThat(row(transcode.id()).findElement(By.cssSelector("button.cancel")).isEnabled()).isFalse();
	}

	@Test
	void startButtonStartsATranscodeThatCompletes() {
		browser.get("http://localhost:" + this.port + "/");
		int rowsBefore = browser.findElements(By.cssSelector("#transcodes tbody tr")).size();
		browser.findElement(By.id("start")).click();
		await().atMost(TIMEOUT)
			.until(() -> browser.findElements(By.cssSelector("#transcodes tbody tr")).size() > rowsBefore);
		String id = browser.findElement(By.cssSelector("#transcodes tbody tr")).getAttribute("data-id");
		await().atMost(TIMEOUT).until(() -> state(id), "completed"::equals);
		assertThat(row(id).findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");
	}

	private WebElement row(String id) {
		return browser.findElement(By.cssSelector("tr[data-id='" + id + "']"));
	}

	private int progress(String id) {
		return Integer.parseInt(row(id).findElement(By.tagName("progress")).getAttribute("value"));
	}

	private String state(String id) {
		return row(id).findElement(By.cssSelector(".state")).getText();
	}

}
