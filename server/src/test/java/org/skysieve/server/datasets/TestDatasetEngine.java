package org.skysieve.server.datasets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.ObjectCount;

/**
 * The server's own engine ({@link LibraryDatasetEngine}: the real spec checks, planner and builder) with a hold for
 * tests: after {@link #hold()}, builds wait after their first shard until released or cancelled, so that a test can
 * abort or restart a build while it executes. Records every progress stage it sees in {@link #stages}, and for each
 * job (the folder above its output folder) the stages in the order they came ({@link #stagesInOrder}).
 */
final class TestDatasetEngine implements DatasetEngine {
    private final LibraryDatasetEngine library;
    final Set<String> stages = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> stagesByJob = new ConcurrentHashMap<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    /** Counted down when a held build reaches the hold. */
    volatile CountDownLatch held = new CountDownLatch(1);

    TestDatasetEngine(Archive archive) {
        this.library = new LibraryDatasetEngine(archive);
    }

    /** Makes later builds wait after their first shard; returns the latch that releases them. */
    CountDownLatch hold() {
        held = new CountDownLatch(1);
        hold = new CountDownLatch(1);
        return hold;
    }

    /** The stages the builds of job {@code id} reported, in order, a repeated stage once per run of it. */
    List<String> stagesInOrder(String id) {
        List<String> recorded = stagesByJob.getOrDefault(id, List.of());
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    @Override
    public DatasetSpec read(Path specFile) {
        return library.read(specFile);
    }

    @Override
    public ObjectCount countObjects(DatasetSpec spec, Path specFile, long limit, Duration timeLimit) {
        return library.countObjects(spec, specFile, limit, timeLimit);
    }

    @Override
    public void build(DatasetSpec spec, Path outDirectory, BuildProgress progress, BooleanSupplier cancelled)
            throws Exception {
        CountDownLatch release = hold;
        List<String> inOrder = stagesByJob.computeIfAbsent(outDirectory.toAbsolutePath().getParent().getFileName()
                .toString(), id -> Collections.synchronizedList(new ArrayList<>()));
        BuildProgress holding = (stage, done, total) -> {
            stages.add(stage);
            synchronized (inOrder) {
                if (inOrder.isEmpty() || !inOrder.get(inOrder.size() - 1).equals(stage)) {
                    inOrder.add(stage);
                }
            }
            progress.stage(stage, done, total);
            if (stage.equals("shards") && done == 1 && total > 1) {
                held.countDown();
                try {
                    while (!release.await(20, TimeUnit.MILLISECONDS) && !cancelled.getAsBoolean()) {
                        // held until released or cancelled
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        library.build(spec, outDirectory, holding, cancelled);
    }
}
