package org.skysieve.synth;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Draws and observes chunks on worker threads and hands the results back in chunk order, with a bounded number of
 * chunks in flight. Because every chunk has its own random streams, the results are the same whatever the number of
 * threads. The iteration is meant for one consumer thread; closing the pipeline stops its threads.
 */
final class ChunkPipeline implements AutoCloseable {
    /** One chunk's true sources and what each survey (in {@link Surveys#all()} order) made of them. */
    record ChunkResult(SkyChunk chunk, SourceBatch batch, List<RecordingSink> observations) {
    }

    private final long seed;
    private final UniverseGenerator universe;
    private final List<SurveySpec> surveys;
    private final List<SurveyObserver> observers;
    private final int threads;
    private final ExecutorService pool;

    ChunkPipeline(long seed, UniverseGenerator universe, List<SurveySpec> surveys, List<SurveyObserver> observers, int threads) {
        this.seed = seed;
        this.universe = universe;
        this.surveys = List.copyOf(surveys);
        this.observers = List.copyOf(observers);
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "skysieve-synth-chunk");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    ChunkResult process(SkyChunk chunk) throws SQLException {
        SourceBatch batch = universe.chunk(chunk);
        List<RecordingSink> observations = new ArrayList<>();
        for (int s = 0; s < surveys.size(); s++) {
            RecordingSink sink = new RecordingSink();
            observers.get(s).observe(chunk, batch, seed, sink);
            observations.add(sink);
        }
        return new ChunkResult(chunk, batch, List.copyOf(observations));
    }

    /** The results of {@code chunks}, in the same order. */
    Iterable<ChunkResult> results(List<SkyChunk> chunks) {
        return () -> new Iterator<>() {
            private final Deque<Future<ChunkResult>> inFlight = new ArrayDeque<>();
            private int nextChunk;

            private void fill() {
                while (nextChunk < chunks.size() && inFlight.size() < 2 * threads) {
                    SkyChunk chunk = chunks.get(nextChunk++);
                    inFlight.add(pool.submit(() -> process(chunk)));
                }
            }

            @Override
            public boolean hasNext() {
                fill();
                return !inFlight.isEmpty();
            }

            @Override
            public ChunkResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("Expected another chunk. Actual: all " + chunks.size() + " were returned");
                }
                try {
                    return inFlight.removeFirst().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while generating the sky", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Cannot generate a chunk of the sky: " + e.getCause().getMessage(), e.getCause());
                }
            }
        };
    }
}
