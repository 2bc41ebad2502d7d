package org.skysieve.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * Whole-sky mates for a cross-match run piece by piece, as {@link org.skysieve.xmatch.GlobalMates} does on one machine:
 * a first pass counts, per right row that several tasks may pair (outside the piece, or inside ranges other pieces
 * read: {@link PiecePlan#sharedRightRow}), the pairs found over the whole sky. Right rows only one task can see keep
 * the task's own count. Only the shared rows' keys travel (a reduce by key, then a broadcast): a thin band along the
 * partition edges, not the catalogue.
 */
final class SharedMates {
    private SharedMates() {
    }

    /**
     * @param task      reads only positions, the right key and the index
     * @param rightKey  a column that identifies right rows uniquely
     * @return the number of pairs per shared right row's key
     */
    static Map<Object, Integer> count(JavaSparkContext spark, List<PiecePlan> plans, PieceTask task, String rightKey) {
        if (plans.size() <= 1) {
            return Map.of();
        }
        String healpix = task.right().healpixColumn();
        Map<Object, Integer> counted = spark.parallelize(plans, plans.size()).flatMapToPair(plan -> {
            PieceTask.Matched matched = task.match(plan);
            Map<Object, Integer> counts = new HashMap<>();
            if (matched != null) {
                for (int i = 0; i < matched.result().size(); i++) {
                    int row = matched.result().rightRow(i);
                    if (plan.sharedRightRow(matched.right().longValue(healpix, row))) {
                        counts.merge(matched.right().value(rightKey, row), 1, Integer::sum);
                    }
                }
            }
            List<Tuple2<Object, Integer>> pairs = new ArrayList<>(counts.size());
            counts.forEach((key, count) -> pairs.add(new Tuple2<>(key, count)));
            return pairs.iterator();
        }).reduceByKey(Integer::sum).collectAsMap();
        return new HashMap<>(counted);
    }
}
