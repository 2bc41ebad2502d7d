package org.skysieve.server.cutouts;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.images.BatchCutouts;
import org.skysieve.images.BatchFormat;
import org.skysieve.images.BatchSpec;
import org.skysieve.images.CommonGrid;
import org.skysieve.images.Cutout;
import org.skysieve.images.CutoutException;
import org.skysieve.images.CutoutService;
import org.skysieve.images.PlateIndex;
import org.skysieve.images.PngImages;
import org.skysieve.images.StampStatus;
import org.skysieve.images.StampStretch;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import org.skysieve.server.jobs.Job;
import org.skysieve.server.jobs.JobOutcome;
import org.skysieve.server.jobs.JobResult;
import org.skysieve.server.jobs.JobStore;
import org.skysieve.server.jobs.JobStoreSettings;
import org.skysieve.server.jobs.SyncFolders;
import org.skysieve.server.jobs.UwsJobDocument;
import org.skysieve.server.jobs.UwsJobRoutes;
import org.skysieve.server.tap.UwsPhase;
import org.skysieve.server.xmatch.UploadedCatalogue;
import org.skysieve.sky.LonLat;
import org.skysieve.xmatch.LoadedTable;

/**
 * Batch cutouts and previews at {@code /cutouts}.
 *
 * <ul>
 *   <li>{@code POST /cutouts} (multipart with the positions table as a file part, or a form with {@code IDS}; the
 *       parameters of {@link CutoutBatchRequest}): the bundle of {@link BatchResult} in the response body. Limited to
 *       {@link CutoutSettings#maxSyncBytes()} of tensor.</li>
 *   <li>{@code POST /cutouts/async} (the same body): a job, answered 303 to {@code /cutouts/async/ID}; there {@code GET}
 *       gives the UWS job document (phase, progress in {@code jobInfo}, result links); {@code GET /cutouts/async}
 *       lists the jobs; phase, error, abort ({@code PHASE=ABORT}) and delete are the routes of {@link UwsJobRoutes};
 *       {@code /progress} gives {@code DONE TOTAL} stamps, {@code /results/result} the bundle and, for npy,
 *       {@code /results/cutouts.npy}, {@code /results/mask.npy}, {@code /results/index.csv}. Jobs are kept in a
 *       {@link JobStore} under {@link CutoutSettings#workFolder()}{@code /jobs}: they and their results survive a
 *       restart (a job interrupted by one ends in ERROR) until their destruction time.</li>
 *   <li>{@code GET /cutouts/preview?SURVEY=&BAND=&RA=&DEC=&SIZE=[&STRETCH=][&SCALE=&RESAMPLE=]}: one stamp as a
 *       stretched 8-bit PNG, north up; a stamp touching no plate is a 404.</li>
 * </ul>
 * Uploads are spooled to disk, results written to disk as they are cut (never held whole in memory). Errors are
 * {@link ServiceException}s mapped by {@code ErrorResponses}. Thread-safe.
 */
public final class CutoutRoutes implements AutoCloseable {
    public static final String BASE = "/cutouts";
    private static final long FORM_SLACK_BYTES = 64 << 10;
    private static final String STAMPS = "stamps";
    private final Archive archive;
    private final CutoutSettings settings;
    private final JobStore jobs;
    private final UwsJobRoutes asyncRoutes;
    private volatile CutoutService service;

    public CutoutRoutes(Archive archive, CutoutSettings settings) {
        this.archive = requireNonNull(archive, "archive is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.jobs = new JobStore(JobStoreSettings.of(settings.workFolder().resolve("jobs"), "cutout",
                settings.asyncThreads()).withRetention(settings.jobRetention()), JobStore.Resumer.none());
        this.asyncRoutes = new UwsJobRoutes(jobs, BASE + "/async", this::document);
        SyncFolders.deleteStale(settings.workFolder());
    }

    public CutoutSettings settings() {
        return settings;
    }

    public void register(RoutesConfig routes) {
        routes.post(BASE, this::sync);
        routes.get(BASE + "/preview", this::preview);
        routes.post(BASE + "/async", this::createJob);
        asyncRoutes.register(routes);
        routes.get(BASE + "/async/{id}/progress", context -> {
            Job job = asyncRoutes.job(context);
            context.contentType("text/plain").result(job.progress().done() + " " + stampsTotal(job));
        });
        routes.get(BASE + "/async/{id}/results/{name}", this::result);
    }

    private void sync(Context context) throws IOException {
        Path folder = SyncFolders.newFolder(settings.workFolder(), jobs.newId());
        try {
            Prepared prepared = prepare(context, folder, settings.maxSyncBytes(), "; larger batches go to "
                    + BASE + "/async");
            BatchResult result = run(prepared, folder, BatchCutouts.Progress.none());
            context.contentType(result.bundleType());
            context.header("Content-Disposition", "attachment; filename=\"" + result.bundleName() + "\"");
            context.header("X-Cutouts-Stamps", Long.toString(result.stamps()));
            context.header("X-Cutouts-Outside", Long.toString(result.outside()));
            result.writeBundle(context.outputStream());
        } finally {
            Folders.deleteRecursively(folder);
        }
    }

    private void createJob(Context context) throws IOException {
        jobs.checkCapacity();
        String id = jobs.newId();
        Path folder = jobs.folder(id);
        Prepared prepared;
        try {
            prepared = prepare(context, folder, settings.maxAsyncBytes(), "");
        } catch (RuntimeException | IOException e) {
            Folders.deleteRecursively(folder);
            throw e;
        }
        long totalStamps = (long) prepared.raDeg().length * prepared.spec().bands().size();
        try {
            jobs.submit(id, Map.of("format", prepared.spec().format().name(), "stamps_total",
                    Long.toString(totalStamps), "description", prepared.raDeg().length + " positions in "
                    + prepared.spec().survey() + " " + String.join(", ", prepared.spec().bands())), job -> {
                job.progress(STAMPS, 0, totalStamps);
                BatchResult result = run(prepared, job.folder(), (done, total) -> job.progress(STAMPS, done, total));
                List<JobResult> results = new ArrayList<>();
                result.files().forEach((name, file) -> results.add(new JobResult(name,
                        job.folder().relativize(file).toString(), BatchResult.typeOf(name))));
                return new JobOutcome(results, Map.of("stamps", Long.toString(result.stamps()), "outside",
                        Long.toString(result.outside())));
            });
        } catch (RuntimeException e) {
            Folders.deleteRecursively(folder);
            throw e;
        }
        context.redirect(context.scheme() + "://" + context.host() + BASE + "/async/" + id, HttpStatus.SEE_OTHER);
    }

    private void result(Context context) throws IOException {
        Job job = asyncRoutes.job(context);
        BatchResult result = batchResult(job).orElseThrow(() -> new ServiceException(ErrorCategory.NOT_FOUND,
                "Expected a COMPLETED job. Actual: phase " + job.phase()));
        String name = context.pathParam("name");
        if (name.equals("result")) {
            context.contentType(result.bundleType());
            context.header("Content-Disposition", "attachment; filename=\"" + result.bundleName() + "\"");
            result.writeBundle(context.outputStream());
            return;
        }
        Path file = result.files().get(name);
        if (file == null) {
            throw new ServiceException(ErrorCategory.NOT_FOUND, "Expected a result among " + resultNames(result)
                    + ". Actual: '" + name + "'");
        }
        context.contentType(BatchResult.typeOf(name));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(context.outputStream());
        }
    }

    /** The batch a COMPLETED job made, from what its record keeps. */
    private Optional<BatchResult> batchResult(Job job) {
        if (job.phase() != UwsPhase.COMPLETED) {
            return Optional.empty();
        }
        Map<String, Path> files = new LinkedHashMap<>();
        job.results().forEach(result -> files.put(result.name(), jobs.file(job, result)));
        return Optional.of(new BatchResult(BatchFormat.valueOf(job.attribute("format").orElseThrow()), files,
                Long.parseLong(job.attribute("stamps").orElseThrow()),
                Long.parseLong(job.attribute("outside").orElseThrow())));
    }

    /** The stamps of the whole batch (known from the request before the batch reports it). */
    private static long stampsTotal(Job job) {
        return job.progress().total() >= 0 ? job.progress().total()
                : Long.parseLong(job.attribute("stamps_total").orElse("0"));
    }

    /** The UWS job document, with the progress in stamps in {@code jobInfo}. */
    private String document(Job job, String url) {
        Optional<BatchResult> result = batchResult(job);
        StringBuilder info = new StringBuilder("<progress stamps_done=\"").append(job.progress().done())
                .append("\" stamps_total=\"").append(stampsTotal(job)).append("\"/>");
        result.ifPresent(batch -> info.append("<stamps written=\"").append(batch.stamps()).append("\" outside=\"")
                .append(batch.outside()).append("\"/>"));
        return UwsJobDocument.of(job, url, result.map(CutoutRoutes::resultNames).orElse(List.of()), name -> "",
                info + UwsJobDocument.description(job));
    }

    static List<String> resultNames(BatchResult result) {
        List<String> names = new ArrayList<>(List.of("result"));
        if (result.format() == BatchFormat.NPY) {
            names.addAll(result.files().keySet());
        }
        return names;
    }

    private void preview(Context context) throws IOException {
        Map<String, List<String>> parameters = parameters(context);
        String survey = CutoutBatchRequest.single(parameters, "SURVEY").orElseThrow(
                () -> CutoutBatchRequest.bad("Expected a SURVEY parameter"));
        String band = CutoutBatchRequest.single(parameters, "BAND").orElseThrow(
                () -> CutoutBatchRequest.bad("Expected a BAND parameter"));
        double ra = coordinate(parameters, "RA");
        double dec = coordinate(parameters, "DEC");
        if (!Double.isFinite(ra) || !(dec >= -90 && dec <= 90)) {
            throw CutoutBatchRequest.bad("Expected RA finite and DEC in [-90, 90] degrees. Actual: " + ra + ", " + dec);
        }
        var size = CutoutBatchRequest.size(CutoutBatchRequest.single(parameters, "SIZE").orElseThrow(
                () -> CutoutBatchRequest.bad("Expected a SIZE parameter (pixels such as 64, or arcsec such as"
                        + " 10arcsec)")));
        StampStretch stretch = CutoutBatchRequest.single(parameters, "STRETCH").map(StampStretch::parse)
                .orElse(StampStretch.defaults());
        Cutout cutout = cutouts(() -> {
            CutoutService cutouts = service();
            Optional<CommonGrid> grid = grid(cutouts, survey, band, parameters);
            return cutouts.cut(survey, band, LonLat.ofDegrees(ra, dec), size, grid);
        });
        context.contentType("image/png");
        context.header("X-Cutout-Plate", cutout.primary().name());
        context.result(PngImages.of(cutout, stretch));
    }

    private static double coordinate(Map<String, List<String>> parameters, String name) {
        String text = CutoutBatchRequest.single(parameters, name).orElseThrow(() -> CutoutBatchRequest.bad(
                "Expected a " + name + " parameter (degrees)"));
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw CutoutBatchRequest.bad("Expected " + name + " in degrees. Actual: '" + text + "'");
        }
    }

    /** The checked batch and its positions. */
    private record Prepared(BatchSpec spec, double[] raDeg, double[] decDeg, Optional<List<String>> ids) {
    }

    private BatchResult run(Prepared prepared, Path folder, BatchCutouts.Progress progress) throws IOException {
        BatchFormat format = prepared.spec().format();
        Path out = folder.resolve(format == BatchFormat.NPY ? "cutouts.npy" : "result." + format.extension());
        BatchCutouts.Summary summary = cutouts(() -> BatchCutouts.write(service(), prepared.spec(), prepared.raDeg(),
                prepared.decDeg(), prepared.ids(), out, progress));
        Map<String, Path> files = new LinkedHashMap<>();
        if (format == BatchFormat.NPY) {
            files.put("cutouts.npy", summary.files().get(0));
            files.put("mask.npy", summary.files().get(1));
            files.put("index.csv", summary.files().get(2));
        } else {
            files.put("result", out);
        }
        long outside = summary.index().count(StampStatus.OUTSIDE) + summary.index().count(StampStatus.NO_POSITION);
        return new BatchResult(format, files, summary.stamps(), outside);
    }

    /** Checks everything before any work: parameters, bands, size, limits; positions from the upload or the ids. */
    private Prepared prepare(Context context, Path folder, long maxBytes, String hint) throws IOException {
        if (context.contentLength() > settings.uploadLimitBytes() + FORM_SLACK_BYTES) {
            throw new ServiceException(ErrorCategory.TOO_LARGE, "Expected an upload of at most "
                    + settings.uploadLimitBytes() + " bytes. Actual: a body of " + context.contentLength() + " bytes");
        }
        Map<String, List<String>> parameters = parameters(context);
        Map<String, List<UploadedFile>> files = Map.of();
        String contentType = context.contentType() == null ? "" : context.contentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/form-data")) {
            try {
                files = context.uploadedFileMap();
            } catch (Exception e) { // Jetty's refusal arrives as a sneakily thrown ServletException
                throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected a readable multipart body. Actual: "
                        + e.getMessage(), e);
            }
        }
        CutoutBatchRequest request = CutoutBatchRequest.parse(parameters);
        CutoutService cutouts = service();
        BatchSpec spec = cutouts(() -> spec(cutouts, request));
        List<Map.Entry<String, UploadedFile>> parts = new ArrayList<>();
        List<String> ids = new ArrayList<>(request.ids());
        for (Map.Entry<String, List<UploadedFile>> entry : files.entrySet()) {
            for (UploadedFile file : entry.getValue()) {
                if (entry.getKey().equalsIgnoreCase("ids")) {
                    try (InputStream in = file.content()) {
                        ids.addAll(CutoutBatchRequest.splitIds(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                } else {
                    parts.add(Map.entry(entry.getKey(), file));
                }
            }
        }
        double[] ra;
        double[] dec;
        Optional<List<String>> labels = Optional.empty();
        if (!ids.isEmpty()) {
            if (!parts.isEmpty()) {
                throw CutoutBatchRequest.bad("Expected either IDS or an uploaded position table, not both. Actual:"
                        + " " + ids.size() + " ids and part " + parts.get(0).getKey());
            }
            double[][] positions = SurveyObjects.positions(archive, spec.survey(), ids);
            ra = positions[0];
            dec = positions[1];
            labels = Optional.of(List.copyOf(ids));
        } else {
            if (parts.size() != 1) {
                throw CutoutBatchRequest.bad("Expected one uploaded table of positions (CSV, VOTable, FITS or Parquet"
                        + " with ra and dec) or an IDS parameter. Actual: " + (parts.isEmpty() ? "neither"
                        : parts.size() + " file parts " + parts.stream().map(Map.Entry::getKey).toList()));
            }
            UploadedFile part = parts.get(0).getValue();
            if (part.size() > settings.uploadLimitBytes()) {
                throw new ServiceException(ErrorCategory.TOO_LARGE, "Expected an upload of at most "
                        + settings.uploadLimitBytes() + " bytes. Actual: " + part.size() + " bytes");
            }
            Files.createDirectories(folder);
            Path saved = folder.resolve("upload");
            try (InputStream in = part.content()) {
                Files.copy(in, saved);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            UploadedCatalogue table = UploadedCatalogue.read(saved, parts.get(0).getKey(), request.raColumn(),
                    request.decColumn());
            ra = LoadedTable.doubles(table.table().require(table.positions().raColumn(), "ra"));
            dec = LoadedTable.doubles(table.table().require(table.positions().decColumn(), "dec"));
        }
        long bytes = (long) ra.length * spec.bands().size() * spec.widthPixels() * spec.heightPixels() * 4;
        if (bytes > maxBytes) {
            throw new ServiceException(ErrorCategory.TOO_LARGE, "Expected at most " + maxBytes + " bytes of stamps"
                    + " (positions x bands x height x width x 4). Actual: " + ra.length + " x " + spec.bands().size()
                    + " x " + spec.heightPixels() + " x " + spec.widthPixels() + " x 4 = " + bytes + " bytes" + hint);
        }
        Files.createDirectories(folder);
        return new Prepared(spec, ra, dec, labels);
    }

    private BatchSpec spec(CutoutService cutouts, CutoutBatchRequest request) {
        String survey = request.survey();
        if (!cutouts.index().surveys().contains(survey)) {
            throw new CutoutException(CutoutException.Reason.NOT_FOUND, "Expected SURVEY among the surveys with"
                    + " images " + cutouts.index().surveys() + ". Actual: '" + survey + "'");
        }
        List<String> bands = request.bands().orElse(List.copyOf(cutouts.index().bands(survey)));
        for (String band : bands) {
            if (!cutouts.index().bands(survey).contains(band)) {
                throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected BANDS among "
                        + cutouts.index().bands(survey) + " of " + survey + ". Actual: unknown band '" + band + "'");
            }
        }
        Optional<CommonGrid> grid = request.commonGrid() ? Optional.of(new CommonGrid(request.scaleArcsec()
                .orElseGet(() -> cutouts.pixelScaleArcsec(survey, bands.get(0))),
                request.resampling().orElse(CommonGrid.Resampling.NEAREST))) : Optional.empty();
        int[] shape = cutouts.shape(survey, bands.get(0), request.size(), grid);
        return new BatchSpec(survey, bands, shape[0], shape[1], grid, request.format(), request.stretch(),
                settings.threads());
    }

    private static Optional<CommonGrid> grid(CutoutService cutouts, String survey, String band,
            Map<String, List<String>> parameters) {
        Optional<String> scale = CutoutBatchRequest.single(parameters, "SCALE");
        Optional<String> method = CutoutBatchRequest.single(parameters, "RESAMPLE");
        if (scale.isEmpty() && method.isEmpty()) {
            return Optional.empty();
        }
        double arcsec;
        try {
            arcsec = scale.map(Double::parseDouble).orElseGet(() -> cutouts.pixelScaleArcsec(survey, band));
        } catch (NumberFormatException e) {
            throw CutoutBatchRequest.bad("Expected SCALE in arcsec per pixel. Actual: '" + scale.get() + "'");
        }
        return Optional.of(new CommonGrid(arcsec, method.map(CommonGrid.Resampling::parse)
                .orElse(CommonGrid.Resampling.NEAREST)));
    }

    /** Something that cuts and may throw. */
    private interface Cutting<T> {
        T run() throws IOException;
    }

    /** Runs {@code cutting}, turning cutout errors into service errors of their category. */
    private static <T> T cutouts(Cutting<T> cutting) throws IOException {
        try {
            return cutting.run();
        } catch (CutoutException e) {
            throw new ServiceException(e.reason() == CutoutException.Reason.NOT_FOUND ? ErrorCategory.NOT_FOUND
                    : ErrorCategory.BAD_REQUEST, e.getMessage(), e);
        }
    }

    private static Map<String, List<String>> parameters(Context context) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        context.queryParamMap().forEach((name, list) -> parameters.computeIfAbsent(name, key -> new ArrayList<>())
                .addAll(list));
        if ("POST".equals(context.method().name())) {
            try {
                context.formParamMap().forEach((name, list) -> parameters.computeIfAbsent(name,
                        key -> new ArrayList<>()).addAll(list));
            } catch (Exception e) {
                throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected a readable form body. Actual: "
                        + e.getMessage(), e);
            }
        }
        return parameters;
    }

    private CutoutService service() {
        CutoutService current = service;
        if (current == null) {
            synchronized (this) {
                if (service == null) {
                    try {
                        service = new CutoutService(PlateIndex.open(archive.layout().root()),
                                settings.maxSidePixels());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                current = service;
            }
        }
        return current;
    }

    /** Stops running jobs; jobs and their results stay in the work folder for the next start. */
    @Override
    public void close() {
        jobs.close();
    }
}
