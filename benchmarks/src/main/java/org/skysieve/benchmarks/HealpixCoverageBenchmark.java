package org.skysieve.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.skysieve.sky.Angles;
import org.skysieve.sky.healpix.HealpixCoverage;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * Time to cover a cone (the partition-pruning step of a cone query) at a few radius/depth pairs.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar HealpixCoverage -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HealpixCoverageBenchmark {
    /** "radius in arcsec : depth". */
    @Param({"1:20", "60:12", "3600:8", "36000:5"})
    public String radiusAndDepth;

    /** Covers a cone at (ra 150 deg, dec 2.2 deg). */
    @Benchmark
    public HealpixRanges coneRanges() {
        String[] parts = radiusAndDepth.split(":");
        double radiusRad = Angles.arcsecToRad(Double.parseDouble(parts[0]));
        return HealpixCoverage.coneRanges(Integer.parseInt(parts[1]), Math.toRadians(150.0), Math.toRadians(2.2),
                radiusRad);
    }
}
