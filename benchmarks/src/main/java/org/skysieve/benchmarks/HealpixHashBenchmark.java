package org.skysieve.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.skysieve.sky.healpix.HealpixNested;

/**
 * Time to hash one point at depth 29 (target: under 50 ns). Points are uniform on the sphere, pre-generated with a
 * fixed seed; the score is per point.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar HealpixHash -f 1 -wi 2 -i 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HealpixHashBenchmark {
    private static final int POINTS = 4096;

    private final double[] lonRad = new double[POINTS];
    private final double[] latRad = new double[POINTS];

    /** Draws the points. */
    @Setup
    public void drawPoints() {
        Random random = new Random(42);
        for (int i = 0; i < POINTS; i++) {
            lonRad[i] = random.nextDouble() * 2.0 * Math.PI;
            latRad[i] = Math.asin(2.0 * random.nextDouble() - 1.0);
        }
    }

    /** Hashes every point at depth 29; the sum keeps the JIT from dropping the work. */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public long hashDepth29() {
        long sum = 0;
        for (int i = 0; i < POINTS; i++) {
            sum += HealpixNested.hash(HealpixNested.MAX_DEPTH, lonRad[i], latRad[i]);
        }
        return sum;
    }
}
