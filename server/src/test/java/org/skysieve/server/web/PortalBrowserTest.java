package org.skysieve.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.FlagBit;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.images.SyntheticImages;
import org.skysieve.server.SkysieveServer;
import org.skysieve.server.tap.QueryEngineExecutor;
import org.skysieve.server.tap.TapSettings;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/**
 * The portal clicked through in headless Chromium against the real server (real ADQL engine) over the tiny synthetic
 * sky with the wide survey's plates: each page shows what the archive holds (checked against the archive model and the
 * services' own answers), the page's JavaScript HEALPix agrees with the server's, one page is used by keyboard only, no
 * page requests anything outside the server, and a screenshot of every page is saved under
 * {@code target/portal-screenshots/} for review. Skipped with a message without Debian's chromium and
 * chromium-driver; fails then under CI=true.
 */
class PortalBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private static final Duration WAIT = Duration.ofMinutes(2); // a bound on waiting for a state, only a hang reaches it
    private static final String IMAGED_SURVEY = "wide_infrared";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path root;
    private static Archive archive;
    private static QueryEngineExecutor executor;
    private static SkysieveServer server;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        var missing = HeadlessChromium.unavailableReason();
        if (missing.isPresent() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(missing.get());
        }
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipped: " + missing.get());
        root = Files.createTempDirectory("skysieve-portal-");
        SkyGenerator.generate(root, 42, SkyScale.TINY, message -> { });
        SyntheticImages.write(root, new SyntheticImages.Options(List.of(IMAGED_SURVEY), 100, 42));
        archive = Archive.open(root);
        executor = QueryEngineExecutor.open(archive, root.resolve(".tap"));
        server = SkysieveServer.start(archive, 0, TapSettings.defaults(root.resolve(".tap")), executor);
        base = "http://localhost:" + server.port();
        chromium = HeadlessChromium.start(1280, 900);
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
            executor.close();
        }
        if (root != null) {
            Folders.deleteRecursively(root);
        }
    }

    @Test
    void surveysPageShowsEverySurveyWithBandsRowsAndCoverage() {
        open("/");
        for (PublishedSurvey published : archive.surveys()) {
            String name = published.survey().name();
            WebElement section = waitFor(By.id("survey-" + name));
            assertThat(section.findElement(By.className("survey-rows")).getText())
                    .isEqualTo(String.format(Locale.UK, "%,d", published.totalRows()));
            List<String> bands = section.findElements(By.cssSelector("table.bands tbody tr td:first-child")).stream()
                    .map(WebElement::getText).toList();
            assertThat(bands).isEqualTo(published.survey().bands().stream().map(b -> b.name()).toList());
            for (var table : published.tables()) {
                assertThat(section.findElement(By.cssSelector("table.tables")).getText())
                        .contains(table.qualifiedName() + " " + String.format(Locale.UK, "%,d", table.rowCount()));
            }
        }
        StatusMaps maps = new StatusMaps(archive);
        WebElement plot = waitFor(By.cssSelector("#plots-deep_optical canvas.coverage[data-band='r']"));
        double area = maps.band("deep_optical", "r").coverage().areaSquareDeg();
        assertThat(plot.getAttribute("aria-label")).contains(String.format(Locale.ROOT, "%.4g square degrees", area));
        long covered = (Long) browser.executeScript("const c = arguments[0]; const d = c.getContext('2d')"
                + ".getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 0; i < d.length; i += 4)"
                + " if (d[i] === 5 && d[i + 1] === 80 && d[i + 2] === 174) n++; return n;", plot);
        // the close-up is framed on the footprint: a good part of it is covered, not all of it
        assertThat(covered).isBetween(200L * 200 / 10, 200L * 200 - 1);
        waitForAll(By.cssSelector("canvas.coverage"), archive.surveys().stream().mapToInt(s -> s.survey().bands().size()).sum());
        screenshot("surveys");
        assertOnlyThisServerWasAsked();
    }

    @Test
    void theHealpixOfThePagesAgreesWithTheServers() {
        open("/");
        Random random = new Random(8);
        List<List<Double>> points = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            double raDeg = random.nextDouble() * 360;
            double decDeg = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
            if (i % 50 == 0) {
                decDeg = i % 100 == 0 ? 90 - 1e-9 : -90 + 1e-9;
            }
            points.add(List.of((double) (i % 16), raDeg, decDeg));
        }
        @SuppressWarnings("unchecked")
        List<List<Number>> answers = (List<List<Number>>) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " import('/portal/js/healpix.js').then(h => done(arguments[0].map(([o, ra, dec]) => {"
                + " const cell = h.cellOf(o, ra, dec); const c = h.centreOf(o, cell); return [cell, c.ra, c.dec]; })))"
                + ".catch(e => done([[String(e)]]));", points);
        for (int i = 0; i < points.size(); i++) {
            int order = points.get(i).get(0).intValue();
            long expected = HealpixNested.hash(order, Math.toRadians(points.get(i).get(1)), Math.toRadians(points.get(i).get(2)));
            assertThat(answers.get(i).get(0).longValue()).as("cell of point %d %s", i, points.get(i)).isEqualTo(expected);
            LonLat centre = HealpixNested.center(order, expected);
            assertThat(answers.get(i).get(1).doubleValue()).isCloseTo(centre.lonDeg(), within(1e-9));
            assertThat(answers.get(i).get(2).doubleValue()).isCloseTo(centre.latDeg(), within(1e-9));
        }
    }

    @Test
    void columnsPageDocumentsColumnsAndFlagBitsAndThePickerWritesTheSelect() {
        var table = archive.surveys().stream().filter(s -> s.survey().name().equals("deep_optical")).findFirst().orElseThrow()
                .tables().get(0);
        open("/portal/columns.html?table=" + table.qualifiedName());
        ColumnDoc magnitude = table.table().columns().stream().filter(c -> c.band().isPresent() && c.unit().equals("mag"))
                .findFirst().orElseThrow();
        WebElement row = waitFor(By.cssSelector("tr[data-column='" + magnitude.name() + "']"));
        assertThat(row.findElement(By.className("unit")).getText()).isEqualTo("mag");
        assertThat(row.findElement(By.className("ucd")).getText()).isEqualTo(magnitude.ucd());
        assertThat(row.findElement(By.className("description")).getText()).contains(magnitude.description());
        ColumnDoc flags = table.table().columns().stream().filter(c -> c.flags().isPresent()).findFirst().orElseThrow();
        FlagBit bit = flags.flags().get().bits().get(flags.flags().get().bits().size() - 1);
        WebElement flagRow = browser.findElement(By.cssSelector("tr[data-column='" + flags.name() + "']"));
        assertThat(flagRow.findElement(By.cssSelector("li[data-bit='" + bit.bit() + "']")).getText())
                .isEqualTo("bit " + bit.bit() + " (" + bit.mask() + ") " + bit.name() + ": " + bit.description());

        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys(magnitude.name());
        List<WebElement> rows = browser.findElements(By.cssSelector("#column-table tbody tr"));
        List<String> shown = rows.stream().filter(WebElement::isDisplayed).map(r -> r.getAttribute("data-column")).toList();
        assertThat(shown).contains(magnitude.name()).hasSizeLessThan(rows.size())
                .allSatisfy(name -> assertThat(table.table().column(name).orElseThrow().toString().toLowerCase(Locale.ROOT))
                        .contains(magnitude.name()));
        browser.findElement(By.id("pick-" + magnitude.name())).click();
        type(search, "");
        browser.findElement(By.id("pick-" + table.table().idColumn())).click();
        String expected = "SELECT TOP 100 " + table.table().idColumn() + ", " + magnitude.name() + "\nFROM " + table.qualifiedName();
        assertThat(browser.findElement(By.id("select-list")).getAttribute("value")).isEqualTo(expected);
        screenshot("columns");
        assertOnlyThisServerWasAsked();
        browser.findElement(By.id("open-query")).click();
        until(d -> d.getCurrentUrl().contains("/portal/query.html"));
        assertThat(waitFor(By.id("adql")).getAttribute("value")).isEqualTo(expected);
    }

    @Test
    void queryPageShowsTheFirstRowsAndDownloadLinksInEveryFormat() throws Exception {
        open("/portal/query.html");
        waitForAll(By.cssSelector("#example option"), 2).get(1).click();
        browser.findElement(By.id("use-example")).click();
        assertThat(browser.findElement(By.id("adql")).getAttribute("value")).contains("FROM");

        String query = "SELECT id, mag_r FROM deep_optical.sources ORDER BY id";
        type(browser.findElement(By.id("adql")), query);
        WebElement rows = browser.findElement(By.id("maxrec"));
        rows.clear();
        rows.sendKeys("7");
        browser.findElement(By.id("run")).click();
        assertThat(waitFor(By.id("row-count")).getText()).startsWith("7 rows (the first 7: there are more");
        List<String> shownIds = browser.findElements(By.cssSelector("#result-table tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
        List<String> csv = get("/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&MAXREC=7&QUERY=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .body().lines().skip(1).map(line -> line.split(",")[0]).toList();
        assertThat(shownIds).isEqualTo(csv);

        List<WebElement> links = browser.findElements(By.cssSelector("#downloads a"));
        assertThat(links).extracting(link -> link.getAttribute("data-format"))
                .containsExactly("votable", "votable/td", "csv", "tsv", "fits", "parquet");
        for (WebElement link : links) {
            HttpResponse<String> download = get(URI.create(link.getAttribute("href")).getRawPath() + "?"
                    + URI.create(link.getAttribute("href")).getRawQuery());
            assertThat(download.statusCode()).as(link.getAttribute("href")).isEqualTo(200);
        }
        screenshot("query");
        assertOnlyThisServerWasAsked();
    }

    @Test
    void aBadQueryPointsAtItsLineAndColumn() {
        open("/portal/query.html");
        type(waitFor(By.id("adql")), "SELECT TOP 2 id\nFRM deep_optical.sources");
        browser.findElement(By.id("run")).click();
        WebElement error = waitFor(By.cssSelector("#error .error"));
        assertThat(error.getText()).contains("error at 2:5").contains("At line 2, column 5:").contains("FRM deep_optical.sources\n    ^");
        assertThat((Long) browser.executeScript("return document.getElementById('adql').selectionStart"))
                .isEqualTo("SELECT TOP 2 id\n".length() + 4);
        screenshot("query-error");
    }

    @Test
    void theQueryPageWorksFromTheKeyboardAlone() {
        open("/portal/query.html");
        waitForAll(By.cssSelector("#example option"), 2);
        Actions keys = new Actions(browser);
        keys.sendKeys(Keys.TAB).perform();
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        assertThat(skip.getCssValue("outline-style")).isNotEqualTo("none");
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        for (int i = 0; i < 10 && !"adql".equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
            assertThat(browser.switchTo().activeElement().getCssValue("outline-style")).as("focus is visible").isNotEqualTo("none");
        }
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("adql");
        keys.keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("SELECT TOP 3 id FROM deep_optical.sources")
                .keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        assertThat(waitFor(By.id("row-count")).getText()).startsWith("3 rows");
    }

    @Test
    void crossMatchShowsTheMatchedRowsOfAnUploadAndItsJobIsFollowedOnTheJobsPage() throws Exception {
        List<String[]> sources = get("/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY=" + URLEncoder.encode(
                "SELECT TOP 5 id, ra, dec FROM deep_optical.sources ORDER BY id", StandardCharsets.UTF_8))
                .body().lines().skip(1).map(line -> line.split(",")).toList();
        StringBuilder csv = new StringBuilder("name,ra,dec\n");
        for (String[] source : sources) {
            csv.append("mine_").append(source[0]).append(',').append(source[1]).append(',').append(source[2]).append('\n');
        }
        csv.append("nowhere,180.0,45.0\n");
        Path upload = Files.writeString(root.resolve("my-sources.csv"), csv);

        open("/portal/crossmatch.html");
        waitFor(By.id("survey-deep_optical")).click();
        browser.findElement(By.id("upload")).sendKeys(upload.toAbsolutePath().toString());
        browser.findElement(By.id("match")).click();
        assertThat(waitFor(By.id("row-count")).getText()).isEqualTo("5 rows.");
        List<String> header = browser.findElements(By.cssSelector("#result-table thead th")).stream().map(WebElement::getText).toList();
        assertThat(header).contains("name", "id", "separation_arcsec");
        int name = header.indexOf("name");
        int separation = header.indexOf("separation_arcsec");
        List<List<String>> rows = browser.findElements(By.cssSelector("#result-table tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        // each upload row found its own survey row, and the far one none
        assertThat(rows).extracting(row -> row.get(name)).containsExactlyInAnyOrderElementsOf(sources.stream().map(s -> "mine_" + s[0]).toList());
        assertThat(rows).allSatisfy(row -> assertThat(row.get(name)).isEqualTo("mine_" + row.get(header.indexOf("id"))));
        assertThat(rows).allSatisfy(row -> assertThat(Double.parseDouble(row.get(separation))).isLessThan(1e-3));
        screenshot("crossmatch");
        assertOnlyThisServerWasAsked();

        browser.findElement(By.id("match-async")).click();
        until(d -> d.findElement(By.id("match-status")).getText().equals("Job created."));
        String job = browser.findElement(By.cssSelector("#result a")).getText();
        open("/portal/jobs.html");
        By row = By.cssSelector("tr[data-kind='cross-match'][data-job='" + job.substring(job.lastIndexOf('/') + 1) + "']");
        until(d -> "COMPLETED".equals(d.findElement(row).getAttribute("data-phase")) ? true : refreshJobs());
        WebElement completed = waitFor(row);
        assertThat(completed.findElement(By.linkText("result")).getAttribute("href")).endsWith(job + "/results/result");
        completed.findElement(By.className("delete")).click();
        until(d -> d.findElements(By.cssSelector("tr[data-kind='cross-match']")).isEmpty());
        assertThat(get(job).statusCode()).isEqualTo(404);
    }

    @Test
    void cutoutsShowOneStampPerImagedBandAtAPositionOrAnObject() throws Exception {
        open("/portal/cutouts.html?survey=" + IMAGED_SURVEY);
        until(d -> !d.findElement(By.id("ra")).getAttribute("value").isEmpty());
        // the example position is a catalogue source on a plate, not empty sky
        assertThat(browser.findElement(By.id("position-hint")).getText()).startsWith("the brightest source of " + IMAGED_SURVEY);
        var example = archive.surveys().stream().filter(s -> s.survey().name().equals(IMAGED_SURVEY)).findFirst().orElseThrow()
                .tables().get(0).table();
        String atExample = "SELECT COUNT(*) FROM " + IMAGED_SURVEY + "." + example.name() + " WHERE 1 = CONTAINS(POINT("
                + example.raColumn() + ", " + example.decColumn() + "), CIRCLE(" + browser.findElement(By.id("ra")).getAttribute("value")
                + ", " + browser.findElement(By.id("dec")).getAttribute("value") + ", 0.0001))";
        assertThat(get("/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY=" + URLEncoder.encode(atExample, StandardCharsets.UTF_8))
                .body().lines().skip(1).findFirst().orElseThrow()).isNotEqualTo("0");
        var index = org.skysieve.images.PlateIndex.open(root);
        List<String> bands = new ArrayList<>(index.bands(IMAGED_SURVEY));
        browser.findElement(By.id("show")).click();
        assertStamps(bands);
        screenshot("cutouts");
        assertOnlyThisServerWasAsked();

        var table = archive.surveys().stream().filter(s -> s.survey().name().equals(IMAGED_SURVEY)).findFirst().orElseThrow()
                .tables().get(0).table();
        String ra = browser.findElement(By.id("ra")).getAttribute("value");
        String dec = browser.findElement(By.id("dec")).getAttribute("value");
        String query = "SELECT TOP 1 " + table.idColumn() + " FROM " + IMAGED_SURVEY + "." + table.name() + " WHERE 1 = CONTAINS(POINT("
                + table.raColumn() + ", " + table.decColumn() + "), CIRCLE(" + ra + ", " + dec + ", 0.05))";
        String id = get("/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .body().lines().skip(1).findFirst().orElseThrow();
        browser.findElement(By.id("object-id")).sendKeys(id);
        browser.findElement(By.id("show")).click();
        until(d -> d.findElement(By.id("stamp-position")).getText().contains("object " + id + " at"));
        assertStamps(bands);
        browser.findElement(By.id("download-npy")).click();
        until(d -> d.findElement(By.id("cutout-status")).getText().equals("Done."));
        assertThat(browser.findElements(By.cssSelector("#error .error"))).isEmpty();

        // a batch of ids as a job, followed on the Jobs page with its progress and result files, then deleted
        Path ids = Files.writeString(root.resolve("ids.txt"), id + "\n" + id + "\n");
        browser.findElement(By.id("batch-file")).sendKeys(ids.toAbsolutePath().toString());
        browser.findElement(By.id("batch-ids")).click();
        browser.findElement(By.id("batch-run")).click();
        String job = waitFor(By.id("batch-job")).getAttribute("data-job");
        open("/portal/jobs.html");
        By row = By.cssSelector("tr[data-kind='cutouts'][data-job='" + job.substring(job.lastIndexOf('/') + 1) + "']");
        until(d -> "COMPLETED".equals(d.findElement(row).getAttribute("data-phase")) ? true : refreshJobs());
        WebElement completed = waitFor(row);
        assertThat(completed.findElements(By.cssSelector("td a[download]"))).extracting(WebElement::getText)
                .contains("result", "cutouts.npy", "mask.npy", "index.csv");
        assertThat(completed.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo(String.valueOf(2 * bands.size()));
        completed.findElement(By.className("delete")).click();
        until(d -> d.findElements(row).isEmpty());
        assertThat(get(job).statusCode()).isEqualTo(404);
    }

    @Test
    void jobsStartedWithoutThePortalAreListedOnTheJobsPageAndDeletedThere() throws Exception {
        var table = archive.surveys().stream().filter(s -> s.survey().name().equals(IMAGED_SURVEY)).findFirst().orElseThrow()
                .tables().get(0).table();
        String id = get("/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY=" + URLEncoder.encode("SELECT TOP 1 " + table.idColumn()
                + " FROM " + IMAGED_SURVEY + "." + table.name(), StandardCharsets.UTF_8)).body().lines().skip(1).findFirst().orElseThrow();
        String cutoutJob = post("/cutouts/async", "SURVEY=" + IMAGED_SURVEY + "&SIZE=16&FORMAT=fits&IDS=" + id);
        String boundary = "portal-test-boundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"surveys\"\r\n\r\ndeep_optical\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"radius\"\r\n\r\n2arcsec\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"by-curl.csv\"\r\n\r\n"
                + "name,ra,dec\nfar,180.0,45.0\n\r\n--" + boundary + "--\r\n";
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/xmatch/async"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String xmatchJob = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();

        open("/portal/jobs.html");
        String cutoutCss = "tr[data-kind='cutouts'][data-job='" + cutoutJob.substring(cutoutJob.lastIndexOf('/') + 1) + "']";
        String xmatchCss = "tr[data-kind='cross-match'][data-job='" + xmatchJob.substring(xmatchJob.lastIndexOf('/') + 1) + "']";
        By cutoutRow = By.cssSelector(cutoutCss);
        By xmatchRow = By.cssSelector(xmatchCss);
        until(d -> "COMPLETED".equals(d.findElement(cutoutRow).getAttribute("data-phase"))
                && "COMPLETED".equals(d.findElement(xmatchRow).getAttribute("data-phase")) ? true : refreshJobs());
        String xmatchText = until(d -> d.findElement(xmatchRow).getText());
        String cutoutText = until(d -> d.findElement(cutoutRow).getText());
        assertThat(xmatchText).contains("by-curl.csv × deep_optical within 2.0 arcsec");
        assertThat(cutoutText).contains("1 positions in " + IMAGED_SURVEY).doesNotContain("Cancel");
        screenshot("jobs-from-http");
        click(By.cssSelector(xmatchCss + " .delete"));
        until(d -> d.findElements(xmatchRow).isEmpty());
        assertThat(get(xmatchJob).statusCode()).isEqualTo(404);
        click(By.cssSelector(cutoutCss + " .delete"));
        until(d -> d.findElements(cutoutRow).isEmpty());
        assertThat(get(cutoutJob).statusCode()).isEqualTo(404);
        assertThat(browser.findElements(By.cssSelector("#error .error"))).isEmpty();
    }

    private static void assertStamps(List<String> bands) {
        List<WebElement> images = until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("figure.stamp img"));
            boolean loaded = found.size() == bands.size() && found.stream().allMatch(image -> (Boolean) browser.executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth === 64", image));
            return loaded ? found : null;
        });
        assertThat(browser.findElements(By.cssSelector("figure.stamp"))).extracting(f -> f.getAttribute("data-band"))
                .containsExactlyInAnyOrderElementsOf(bands);
        assertThat(images).allSatisfy(image -> assertThat(image.getAttribute("alt")).contains(IMAGED_SURVEY + " band"));
    }

    @Test
    void jobsPageFollowsTapJobsAndCancelsAndDeletesThem() throws Exception {
        String pending = post("/tap/async", "LANG=ADQL&QUERY=" + URLEncoder.encode("SELECT TOP 3 id FROM deep_optical.sources",
                StandardCharsets.UTF_8));
        String done = post("/tap/async", "PHASE=RUN&LANG=ADQL&QUERY=" + URLEncoder.encode("SELECT TOP 4 id FROM deep_optical.sources",
                StandardCharsets.UTF_8));
        String pendingId = pending.substring(pending.lastIndexOf('/') + 1);
        String doneId = done.substring(done.lastIndexOf('/') + 1);
        open("/portal/jobs.html");
        WebElement waiting = waitFor(By.cssSelector("tr[data-job='" + pendingId + "']"));
        assertThat(waiting.getAttribute("data-phase")).isEqualTo("PENDING");
        assertThat(waiting.getText()).contains("SELECT TOP 3 id FROM deep_optical.sources");
        until(d -> "COMPLETED".equals(d.findElement(By.cssSelector("tr[data-job='" + doneId + "']")).getAttribute("data-phase"))
                ? true : refreshJobs());
        assertThat(browser.findElement(By.cssSelector("tr[data-job='" + doneId + "']")).findElement(By.linkText("result"))
                .getAttribute("href")).endsWith("/tap/async/" + doneId + "/results/result");
        screenshot("jobs");
        assertOnlyThisServerWasAsked();

        click(By.cssSelector("tr[data-job='" + pendingId + "'] .cancel"));
        until(d -> "ABORTED".equals(d.findElement(By.cssSelector("tr[data-job='" + pendingId + "']")).getAttribute("data-phase")));
        assertThat(get("/tap/async/" + pendingId + "/phase").body()).isEqualTo("ABORTED");
        click(By.cssSelector("tr[data-job='" + pendingId + "'] .delete"));
        until(d -> d.findElements(By.cssSelector("tr[data-job='" + pendingId + "']")).isEmpty());
        assertThat(get("/tap/async/" + pendingId).statusCode()).isEqualTo(404);
    }

    @Test
    void datasetsPageSaysWhetherTheServiceIsThere() throws Exception {
        boolean service = get("/datasets").statusCode() != 404;
        open("/portal/datasets.html");
        if (service) {
            // the example spec of the page (the wide survey's first 30 sources with W1 and W2 stamps) built and deleted
            waitFor(By.id("submit-dataset")).click();
            String id = until(d -> d.findElements(By.cssSelector("section[data-dataset]")).stream()
                    .filter(card -> "COMPLETED".equals(card.findElement(By.className("phase")).getText()))
                    .map(card -> card.getAttribute("data-dataset")).findFirst().orElse(null));
            By card = By.cssSelector("section[data-dataset='" + id + "']");
            List<String> files = until(d -> d.findElement(card).findElements(By.cssSelector("ul.downloads a")).stream()
                    .map(WebElement::getText).toList());
            assertThat(files).anySatisfy(file -> assertThat(file).startsWith("features-0000.parquet"))
                    .anySatisfy(file -> assertThat(file).startsWith("cutouts-0000.npy")).contains("archive (zip)");
            screenshot("datasets");
            open("/portal/jobs.html");
            assertThat(waitFor(By.cssSelector("tr[data-kind='dataset'][data-job='" + id + "']")).getAttribute("data-phase"))
                    .isEqualTo("COMPLETED");
            open("/portal/datasets.html");
            waitFor(card).findElement(By.className("delete")).click();
            until(d -> d.findElements(card).isEmpty());
            assertThat(get("/datasets/" + id).statusCode()).isEqualTo(404);
        } else {
            assertThat(waitFor(By.id("datasets-unavailable")).getText()).contains("no datasets service");
            assertThat(browser.findElement(By.id("submit-dataset")).isEnabled()).isFalse();
            screenshot("datasets");
        }
        assertOnlyThisServerWasAsked();
    }

    @Test
    void theOldHomePageStaysReachableFromEveryPage() throws Exception {
        open("/portal/jobs.html");
        waitFor(By.linkText("Services")).click();
        until(d -> d.getCurrentUrl().endsWith("/services"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Coverage and masks").contains("deep_optical");
        assertThat(get("/portal/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/portal/no-such-page.html").statusCode()).isEqualTo(404);
        HttpResponse<String> page = get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'self'").contains("connect-src 'self'"));
    }

    @Test
    void theApiDescribesEveryColumnAsTheCatalogueModelDoes() throws Exception {
        var metadata = org.skysieve.catalog.tap.TapMetadata.of(archive);
        JsonNode tables = new ObjectMapper().readTree(get("/api/tables").body()).path("tables");
        assertThat(tables).hasSize(metadata.tables().size());
        for (int t = 0; t < tables.size(); t++) {
            var expected = metadata.tables().get(t);
            JsonNode table = tables.get(t);
            assertThat(table.path("name").asText()).isEqualTo(expected.qualifiedName());
            assertThat(table.path("columns")).hasSize(expected.columns().size());
            for (int c = 0; c < expected.columns().size(); c++) {
                ColumnDoc column = expected.columns().get(c);
                JsonNode shown = table.path("columns").get(c);
                assertThat(List.of(shown.path("name").asText(), shown.path("unit").asText(), shown.path("ucd").asText(),
                        shown.path("description").asText())).isEqualTo(List.of(column.name(), column.unit(), column.ucd(),
                        column.description()));
                List<String> bits = new ArrayList<>();
                shown.path("flags").forEach(bit -> bits.add(bit.path("bit").asInt() + " " + bit.path("mask").asText() + " "
                        + bit.path("name").asText() + " " + bit.path("description").asText()));
                assertThat(bits).isEqualTo(column.flags().map(f -> f.bits().stream().map(bit -> bit.bit() + " "
                        + Long.toUnsignedString(bit.mask()) + " " + bit.name() + " " + bit.description()).toList()).orElse(List.of()));
            }
        }
        HttpResponse<String> unknown = get("/api/tables/deep_optical.nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Actual: deep_optical.nothing");
        JsonNode surveys = new ObjectMapper().readTree(get("/api/surveys").body()).path("surveys");
        assertThat(surveys).extracting(s -> s.path("name").asText() + " " + s.path("rows").asLong())
                .containsExactlyElementsOf(archive.surveys().stream().map(s -> s.survey().name() + " " + s.totalRows()).toList());
    }

    /** Presses the Jobs page's Refresh button (the page refreshes itself only while a job is active). */
    private static Object refreshJobs() {
        browser.findElement(By.id("refresh")).click();
        return null;
    }

    /** POSTs a form and answers the Location of the 303. */
    static String post(String path, String form) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private static void open(String path) {
        browser.get(base + path);
    }

    /** The first non-null, non-false answer of {@code condition}, asked every 50 ms for at most {@link #WAIT}. */
    static <T> T until(java.util.function.Function<ChromeDriver, T> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T answer = condition.apply(browser);
                if (answer != null && !Boolean.FALSE.equals(answer)) {
                    return answer;
                }
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("Expected the page to reach a state within " + WAIT + " (" + browser.getCurrentUrl()
                + "). Actual: it did not" + (last == null ? "" : "; last: " + last.getMessage()), last);
    }

    /** Clicks the element, found again if the page re-rendered it meanwhile (the Jobs page refreshes itself). */
    static void click(By locator) {
        until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    static WebElement waitFor(By locator) {
        return until(d -> d.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    static List<WebElement> waitForAll(By locator, int count) {
        return until(d -> {
            List<WebElement> found = d.findElements(locator);
            return found.size() >= count ? found : null;
        });
    }

    /** Replaces a text field's content (select all, then type), as a user would. */
    static void type(WebElement field, String text) {
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input'))", field, text);
    }

    static void screenshot(String name) {
        chromium.screenshot(SCREENSHOTS, name);
    }

    /** Every resource the page loaded (scripts, styles, fetches, images) came from this server or from a blob. */
    static void assertOnlyThisServerWasAsked() {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).matches(
                "(" + java.util.regex.Pattern.quote(base) + "/|blob:" + java.util.regex.Pattern.quote(base) + "/|data:).*"));
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
