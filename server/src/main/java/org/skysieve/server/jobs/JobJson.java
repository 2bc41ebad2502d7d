package org.skysieve.server.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.server.tap.UwsPhase;

/** Writes and reads a {@link Job} as the {@code job.json} of its folder. Stateless. */
final class JobJson {
    private JobJson() {
    }

    static String toJson(Job job) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", job.id());
        values.put("kind", job.kind());
        values.put("phase", job.phase().name());
        values.put("creationTime", job.creationTime().toString());
        job.startTime().ifPresent(time -> values.put("startTime", time.toString()));
        job.endTime().ifPresent(time -> values.put("endTime", time.toString()));
        values.put("destructionTime", job.destructionTime().toString());
        values.put("progress", Map.of("stage", job.progress().stage(), "done", job.progress().done(),
                "total", job.progress().total()));
        List<Map<String, String>> results = new ArrayList<>();
        for (JobResult result : job.results()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("name", result.name());
            entry.put("file", result.file());
            entry.put("mimeType", result.mimeType());
            results.add(entry);
        }
        values.put("results", results);
        job.errorMessage().ifPresent(message -> values.put("errorMessage", message));
        values.put("attributes", new TreeMap<>(job.attributes()));
        return SurveyJson.toJson(values);
    }

    /** @throws IllegalArgumentException when the text is not a job written by {@link #toJson} */
    @SuppressWarnings("unchecked")
    static Job fromJson(String json) {
        Map<String, Object> values = SurveyJson.fromJson(json, LinkedHashMap.class);
        try {
            Map<String, Object> progress = (Map<String, Object>) values.get("progress");
            List<JobResult> results = new ArrayList<>();
            for (Map<String, String> entry : (List<Map<String, String>>) values.get("results")) {
                results.add(new JobResult(entry.get("name"), entry.get("file"), entry.get("mimeType")));
            }
            return new Job((String) values.get("id"), (String) values.get("kind"),
                    UwsPhase.valueOf((String) values.get("phase")), Instant.parse((String) values.get("creationTime")),
                    instant(values.get("startTime")), instant(values.get("endTime")),
                    Instant.parse((String) values.get("destructionTime")),
                    new JobProgress((String) progress.get("stage"), ((Number) progress.get("done")).longValue(),
                            ((Number) progress.get("total")).longValue()),
                    results, Optional.ofNullable((String) values.get("errorMessage")),
                    (Map<String, String>) values.get("attributes"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Expected a job document with id, kind, phase, times, progress,"
                    + " results and attributes. Actual: " + e, e);
        }
    }

    private static Optional<Instant> instant(Object value) {
        return Optional.ofNullable((String) value).map(Instant::parse);
    }
}
