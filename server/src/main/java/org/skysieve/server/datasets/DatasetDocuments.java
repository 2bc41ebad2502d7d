package org.skysieve.server.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.server.jobs.Job;
import org.skysieve.server.jobs.JobResult;
import org.skysieve.server.jobs.JobStore;
import org.skysieve.server.tap.UwsPhase;

/**
 * The JSON documents of {@code /datasets}: one job (phase, progress, times, error, files with size and SHA-256, links)
 * and the list of jobs with the configured limits. Thread-safe.
 */
final class DatasetDocuments {
    private final JobStore jobs;
    private final DatasetSettings settings;
    private final ManifestChecksums checksums = new ManifestChecksums();

    DatasetDocuments(JobStore jobs, DatasetSettings settings) {
        this.jobs = jobs;
        this.settings = settings;
    }

    /** @param base  the server's base URL (scheme, host and port) */
    String job(Job job, String base) {
        return SurveyJson.toJson(jobMap(job, base));
    }

    String list(List<Job> all, String base) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Job job : all) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", job.id());
            entry.put("name", job.attribute("name").orElse(""));
            entry.put("phase", job.phase().name());
            entry.put("creationTime", job.creationTime().toString());
            entry.put("url", base + DatasetRoutes.BASE + "/" + job.id());
            entries.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasets", entries);
        body.put("executing", jobs.executing());
        body.put("limits", limits());
        return SurveyJson.toJson(body);
    }

    private Map<String, Object> limits() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxConcurrentBuilds", settings.maxConcurrentBuilds());
        limits.put("maxWaiting", settings.maxWaiting());
        limits.put("retentionSeconds", settings.retention().toSeconds());
        limits.put("maxObjects", settings.maxObjects());
        limits.put("uploadLimitBytes", settings.uploadLimitBytes());
        limits.put("countTimeLimitSeconds", settings.countTimeLimit().toSeconds());
        return limits;
    }

    private Map<String, Object> jobMap(Job job, String base) {
        String url = base + DatasetRoutes.BASE + "/" + job.id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id());
        body.put("name", job.attribute("name").orElse(""));
        body.put("phase", job.phase().name());
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("stage", job.progress().stage());
        progress.put("done", job.progress().done());
        progress.put("total", job.progress().total());
        body.put("progress", progress);
        body.put("creationTime", job.creationTime().toString());
        body.put("startTime", job.startTime().map(Object::toString).orElse(null));
        body.put("endTime", job.endTime().map(Object::toString).orElse(null));
        body.put("destructionTime", job.destructionTime().toString());
        body.put("error", job.errorMessage().orElse(null));
        if (job.phase() == UwsPhase.QUEUED) {
            body.put("queue", Map.of("executing", jobs.executing(), "maxConcurrentBuilds",
                    settings.maxConcurrentBuilds()));
        }
        body.put("files", files(job, url));
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", url);
        if (job.phase() == UwsPhase.COMPLETED) {
            links.put("manifest", url + "/files/" + DatasetBuildWork.MANIFEST);
            links.put("archiveZip", url + "/archive?format=zip");
            links.put("archiveTar", url + "/archive?format=tar");
        }
        if (!job.phase().isFinal()) {
            links.put("abort", url + " (POST PHASE=ABORT)");
        }
        links.put("delete", url + " (DELETE)");
        links.put("list", base + DatasetRoutes.BASE);
        body.put("links", links);
        return body;
    }

    private List<Map<String, Object>> files(Job job, String url) {
        if (job.phase() != UwsPhase.COMPLETED) {
            return List.of();
        }
        Map<String, String> recorded = job.result(DatasetBuildWork.MANIFEST)
                .map(manifest -> ManifestChecksums.recorded(jobs.file(job, manifest))).orElse(Map.of());
        List<Map<String, Object>> files = new ArrayList<>();
        for (JobResult result : job.results()) {
            Path file = jobs.file(job, result);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", result.name());
            try {
                entry.put("bytes", Files.size(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            String recordedHash = recorded.get(result.name());
            entry.put("sha256", recordedHash != null ? recordedHash : checksums.compute(file));
            entry.put("checksumFrom", recordedHash != null ? "manifest" : "server");
            entry.put("url", url + "/files/" + result.name());
            files.add(entry);
        }
        return files;
    }
}
