package org.skysieve.server.jobs;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What a finished job made.
 *
 * @param results     its files, in the order they are listed
 * @param attributes  facts about the result that the job's documents show (rows written, stamps outside, ...)
 */
public record JobOutcome(List<JobResult> results, Map<String, String> attributes) {
    public JobOutcome {
        results = List.copyOf(requireNonNull(results, "results is null"));
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
    }
}
