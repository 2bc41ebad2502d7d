package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.skysieve.formats.TableFormat;
import org.skysieve.formats.VoTableDocuments;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * UWS 1.1 at {@code /tap/async}: the job list (filters PHASE, AFTER, LAST), job creation, the job resource (WAIT
 * blocking) and its children {@code phase}, {@code executionduration}, {@code destruction}, {@code quote},
 * {@code error}, {@code parameters}, {@code results}, {@code owner}; PHASE=RUN/ABORT, DELETE (or ACTION=DELETE).
 */
final class AsyncRoutes {
    private static final String ASYNC = TapService.BASE + "/async";
    /** The longest a WAIT blocks, whatever the client asks. */
    private static final long MAX_WAIT_SECONDS = 120;
    /** Parameters that control the job rather than the query; not stored among its parameters. */
    private static final Set<String> CONTROL = Set.of("PHASE", "ACTION", "RUNID", "EXECUTIONDURATION", "DESTRUCTION");
    private final JobStore store;
    private final JobRunner runner;
    private final TapSettings settings;

    AsyncRoutes(JobStore store, JobRunner runner, TapSettings settings) {
        this.store = requireNonNull(store, "store is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    void register(RoutesConfig routes) {
        routes.get(ASYNC, this::list);
        routes.post(ASYNC, this::create);
        routes.get(ASYNC + "/{id}", this::show);
        routes.post(ASYNC + "/{id}", this::postJob);
        routes.delete(ASYNC + "/{id}", context -> {
            runner.delete(job(context).jobId());
            context.redirect(TapService.baseUrl(context) + "/async", HttpStatus.SEE_OTHER);
        });
        routes.get(ASYNC + "/{id}/phase", context -> text(context, job(context).phase().name()));
        routes.post(ASYNC + "/{id}/phase", this::postPhase);
        routes.get(ASYNC + "/{id}/executionduration", context -> text(context, Long.toString(job(context).executionDurationSeconds())));
        routes.post(ASYNC + "/{id}/executionduration", this::postExecutionDuration);
        routes.get(ASYNC + "/{id}/destruction", context -> text(context, UwsDocuments.time(job(context).destruction())));
        routes.post(ASYNC + "/{id}/destruction", this::postDestruction);
        routes.get(ASYNC + "/{id}/quote", context -> {
            job(context);
            text(context, "");
        });
        routes.get(ASYNC + "/{id}/owner", context -> {
            job(context);
            text(context, "");
        });
        routes.get(ASYNC + "/{id}/error", this::error);
        routes.get(ASYNC + "/{id}/parameters", context -> xml(context, UwsDocuments.parameters(job(context).parameters())));
        routes.post(ASYNC + "/{id}/parameters", context -> {
            updateParameters(context, job(context));
            redirectToJob(context);
        });
        routes.get(ASYNC + "/{id}/results", context -> xml(context, UwsDocuments.results(resultUrl(context, job(context)))));
        routes.get(ASYNC + "/{id}/results/result", this::result);
    }

    private void list(Context context) {
        TapParameters parameters = TapParameters.of(context);
        List<UwsPhase> phases = parameters.all("PHASE").stream().map(AsyncRoutes::phase).toList();
        Optional<Instant> after = parameters.single("AFTER").map(text -> instant("AFTER", text));
        Stream<UwsJob> jobs = store.list().stream()
                .filter(job -> phases.isEmpty() || phases.contains(job.phase()))
                .filter(job -> after.isEmpty() || job.creationTime().isAfter(after.get()));
        Optional<Long> last = parameters.nonNegativeLong("LAST");
        if (last.isPresent()) {
            jobs = jobs.sorted(Comparator.comparing(UwsJob::creationTime).reversed()).limit(last.get());
        }
        xml(context, UwsDocuments.jobList(jobs.toList(), TapService.baseUrl(context) + "/async"));
    }

    private void create(Context context) throws IOException {
        // The query parameters are checked when the job runs: a bad one makes the job ERROR (UWS, as taplint expects).
        TapParameters parameters = TapParameters.of(context);
        String jobId = store.newJobId();
        Instant now = Instant.now();
        UwsJob job = new UwsJob(jobId, parameters.single("RUNID"), UwsPhase.PENDING, now, Optional.empty(), Optional.empty(),
                settings.defaultExecutionDuration().toSeconds(), now.plus(settings.defaultRetention()),
                queryParameters(parameters), Optional.empty(), Optional.empty(), false);
        job = withExecutionDuration(job, parameters);
        job = withDestruction(job, parameters);
        Path jobFolder = store.folder(jobId);
        Files.createDirectories(jobFolder);
        TapService.saveUploadedParts(context, jobFolder.resolve("uploads"), settings.uploadLimitBytes());
        store.add(job);
        applyPhase(jobId, parameters);
        redirectToJob(context, jobId);
    }

    private void show(Context context) throws InterruptedException {
        UwsJob job = job(context);
        TapParameters parameters = TapParameters.of(context);
        Optional<String> wait = parameters.single("WAIT");
        if (wait.isPresent() && !job.phase().isFinal()) {
            long seconds;
            try {
                seconds = Long.parseLong(wait.get().trim());
            } catch (NumberFormatException e) {
                throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected WAIT as an integer number of seconds. Actual: " + wait.get());
            }
            seconds = seconds < 0 ? MAX_WAIT_SECONDS : Math.min(seconds, MAX_WAIT_SECONDS);
            Optional<UwsPhase> expected = parameters.single("PHASE").map(AsyncRoutes::phase);
            if (expected.isEmpty() || expected.get() == job.phase()) {
                store.awaitPhaseChange(job.jobId(), job.phase(), seconds * 1000);
            }
            job = job(context);
        }
        xml(context, UwsDocuments.job(job, TapService.baseUrl(context) + "/async/" + job.jobId(), resultUrl(context, job)));
    }

    private void postJob(Context context) throws IOException {
        UwsJob job = job(context);
        TapParameters parameters = TapParameters.of(context);
        if (parameters.single("ACTION").map(action -> action.equalsIgnoreCase("DELETE")).orElse(false)) {
            runner.delete(job.jobId());
            context.redirect(TapService.baseUrl(context) + "/async", HttpStatus.SEE_OTHER);
            return;
        }
        updateParameters(context, job);
        redirectToJob(context);
    }

    private void updateParameters(Context context, UwsJob job) throws IOException {
        TapParameters parameters = TapParameters.of(context);
        Map<String, String> query = queryParameters(parameters);
        if (!query.isEmpty() || !context.uploadedFileMap().isEmpty()) {
            requirePending(job, "its parameters");
            Map<String, String> merged = new LinkedHashMap<>(job.parameters());
            merged.putAll(query);
            TapService.saveUploadedParts(context, store.folder(job.jobId()).resolve("uploads"), settings.uploadLimitBytes());
            store.update(job.jobId(), current -> current.withParameters(merged));
        }
        if (parameters.single("EXECUTIONDURATION").isPresent()) {
            store.update(job.jobId(), current -> withExecutionDuration(current, parameters));
        }
        if (parameters.single("DESTRUCTION").isPresent()) {
            store.update(job.jobId(), current -> withDestruction(current, parameters));
        }
        applyPhase(job.jobId(), parameters);
    }

    private void postPhase(Context context) {
        UwsJob job = job(context);
        TapParameters parameters = TapParameters.of(context);
        String phase = parameters.required("PHASE");
        if (!phase.equalsIgnoreCase("RUN") && !phase.equalsIgnoreCase("ABORT")) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected PHASE=RUN or PHASE=ABORT. Actual: PHASE=" + phase);
        }
        applyPhase(job.jobId(), parameters);
        redirectToJob(context);
    }

    private void applyPhase(String jobId, TapParameters parameters) {
        Optional<String> phase = parameters.single("PHASE");
        if (phase.isEmpty()) {
            return;
        }
        switch (phase.get().toUpperCase(Locale.ROOT)) {
            case "RUN" -> runner.run(jobId);
            case "ABORT" -> runner.abort(jobId);
            default -> throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected PHASE=RUN or PHASE=ABORT. Actual: PHASE=" + phase.get());
        }
    }

    private void postExecutionDuration(Context context) {
        UwsJob job = job(context);
        TapParameters parameters = TapParameters.of(context);
        parameters.required("EXECUTIONDURATION");
        requirePending(job, "its execution duration");
        store.update(job.jobId(), current -> withExecutionDuration(current, parameters));
        redirectToJob(context);
    }

    private void postDestruction(Context context) {
        UwsJob job = job(context);
        TapParameters parameters = TapParameters.of(context);
        parameters.required("DESTRUCTION");
        store.update(job.jobId(), current -> withDestruction(current, parameters));
        redirectToJob(context);
    }

    private UwsJob withExecutionDuration(UwsJob job, TapParameters parameters) {
        Optional<Long> seconds = parameters.nonNegativeLong("EXECUTIONDURATION");
        long hard = settings.maxExecutionDuration().toSeconds();
        // 0 asks for no limit (UWS); the configured maximum is the most this service gives.
        return seconds.map(value -> job.withExecutionDuration(value == 0 ? hard : Math.min(value, hard))).orElse(job);
    }

    private UwsJob withDestruction(UwsJob job, TapParameters parameters) {
        Optional<Instant> time = parameters.single("DESTRUCTION").map(text -> instant("DESTRUCTION", text));
        Instant latest = job.creationTime().plus(settings.maxRetention());
        return time.map(value -> job.withDestruction(value.isAfter(latest) ? latest : value)).orElse(job);
    }

    private void error(Context context) {
        UwsJob job = job(context);
        if (job.phase() != UwsPhase.ERROR || job.errorMessage().isEmpty()) {
            throw new ServiceException(ErrorCategory.NOT_FOUND, "Expected job " + job.jobId() + " in phase ERROR. Actual: " + job.phase());
        }
        context.contentType("application/x-votable+xml").result(VoTableDocuments.error(job.errorMessage().get()));
    }

    private void result(Context context) throws IOException {
        UwsJob job = job(context);
        if (job.phase() != UwsPhase.COMPLETED) {
            throw new ServiceException(ErrorCategory.NOT_FOUND, "Expected job " + job.jobId() + " COMPLETED. Actual: " + job.phase());
        }
        TableFormat format = requestFormat(job);
        Path file = JobRunner.resultFile(store.folder(job.jobId()), format);
        if (!Files.isRegularFile(file)) {
            throw new ServiceException(ErrorCategory.NOT_FOUND, "The result of job " + job.jobId() + " is no longer on disk");
        }
        context.contentType(format.mimeType());
        context.disableCompression(); // as the sync results (TapService.sync): no gzip of large results
        Files.copy(file, context.outputStream());
    }

    private Optional<String> resultUrl(Context context, UwsJob job) {
        return job.phase() == UwsPhase.COMPLETED
                ? Optional.of(TapService.baseUrl(context) + "/async/" + job.jobId() + "/results/result") : Optional.empty();
    }

    private TableFormat requestFormat(UwsJob job) {
        return TapRequest.parse(TapRequest.fromStored(job.parameters()), settings).format();
    }

    private UwsJob job(Context context) {
        String jobId = context.pathParam("id");
        Optional<UwsJob> job = store.get(jobId);
        if (job.isPresent() && !job.get().destruction().isAfter(Instant.now())) {
            runner.delete(jobId);
            job = Optional.empty();
        }
        return job.orElseThrow(() -> new ServiceException(ErrorCategory.NOT_FOUND, "Expected a job id listed at " + ASYNC
                + ". Actual: " + jobId + " (unknown, deleted or destroyed)"));
    }

    private static void requirePending(UwsJob job, String what) {
        if (job.phase() != UwsPhase.PENDING) {
            throw new ServiceException(ErrorCategory.WRONG_STATE, "Expected job " + job.jobId() + " PENDING to change " + what
                    + ". Actual: " + job.phase());
        }
    }

    private static Map<String, String> queryParameters(TapParameters parameters) {
        Map<String, String> query = new LinkedHashMap<>(parameters.firstValues());
        query.keySet().removeAll(CONTROL);
        return query;
    }

    private static UwsPhase phase(String text) {
        try {
            return UwsPhase.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected PHASE among " + java.util.Arrays.toString(UwsPhase.values())
                    + ". Actual: " + text);
        }
    }

    private static Instant instant(String parameter, String text) {
        try {
            String trimmed = text.trim();
            return Instant.parse(trimmed.endsWith("Z") || trimmed.matches(".*[+-]\\d\\d:\\d\\d$") ? trimmed : trimmed + "Z");
        } catch (DateTimeParseException e) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected " + parameter
                    + " as an ISO 8601 UTC time such as 2026-01-31T12:00:00Z. Actual: " + text);
        }
    }

    private static void redirectToJob(Context context) {
        redirectToJob(context, context.pathParam("id"));
    }

    private static void redirectToJob(Context context, String jobId) {
        context.redirect(TapService.baseUrl(context) + "/async/" + jobId, HttpStatus.SEE_OTHER);
    }

    private static void text(Context context, String text) {
        context.contentType("text/plain; charset=utf-8").result(text);
    }

    private static void xml(Context context, String document) {
        context.contentType("text/xml; charset=utf-8").result(document);
    }
}
