package org.skysieve.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chunks give the same results whatever the number of threads, in chunk order. */
class ChunkPipelineTest {

    @Test
    void parallelGenerationEqualsSequentialGeneration() {
        long seed = 9;
        SkyScale scale = SkyScale.TINY;
        List<SkyChunk> chunks = scale.region().chunks(SkyGenerator.CHUNK_SIZE_DEG);
        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(fingerprints(seed, scale, chunks, 3)).isEqualTo(fingerprints(seed, scale, chunks, 1));
    }

    private static List<String> fingerprints(long seed, SkyScale scale, List<SkyChunk> chunks, int threads) {
        UniverseGenerator universe = new UniverseGenerator(seed, scale.region());
        List<SurveyObserver> observers = new ArrayList<>();
        for (SurveySpec survey : Surveys.all()) {
            Footprint footprint = new Footprint(seed, survey, scale);
            observers.add(new SurveyObserver(survey, footprint, MaskIndex.build(seed, survey, scale, footprint, universe.brightStars())));
        }
        List<String> fingerprints = new ArrayList<>();
        try (ChunkPipeline pipeline = new ChunkPipeline(seed, universe, Surveys.all(), observers, threads)) {
            for (ChunkPipeline.ChunkResult result : pipeline.results(chunks)) {
                StringBuilder text = new StringBuilder("chunk " + result.chunk().index() + " sources " + result.batch().size());
                for (int i = 0; i < result.batch().size(); i++) {
                    text.append(' ').append(result.batch().trueId[i]).append('@').append(result.batch().raDeg[i]);
                }
                for (RecordingSink sink : result.observations()) {
                    for (MeasuredRow row : sink.rows()) {
                        text.append(" row ").append(row.id).append(' ').append(row.raDeg).append(' ').append(row.flags)
                                .append(java.util.Arrays.toString(row.mag));
                    }
                    text.append(" obs ").append(java.util.Arrays.toString(sink.trueIds()))
                            .append(java.util.Arrays.toString(sink.statusCodes()))
                            .append(java.util.Arrays.toString(sink.limits()));
                }
                fingerprints.add(text.toString());
            }
        }
        return fingerprints;
    }
}
