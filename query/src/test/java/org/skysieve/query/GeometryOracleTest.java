package org.skysieve.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.SphericalPolygon;
import org.skysieve.sky.UnitVector;

/**
 * ADQL geometry against brute force in Java, on seeded random shapes all over the sky (poles, RA 0/360) with random
 * points around each (an uploaded table), and on the survey's own positions (the HEALPix path):
 * BOX as the standard defines it (oracle: a rectangle in the gnomonic projection at its centre, where its
 * great-circle sides are straight lines), non-convex POLYGONs (oracle: {@link SphericalPolygon#contains}), circle and
 * polygon pairs in CONTAINS and INTERSECTS (oracle: distances to densely sampled edges), CENTROID and AREA (oracle:
 * Monte Carlo integration).
 */
class GeometryOracleTest {
    private static final int SHAPES = 24;
    private static final int POINTS_PER_SHAPE = 600;
    private static final java.util.Map<Shape, SphericalPolygon> POLYGONS = new java.util.concurrent.ConcurrentHashMap<>();

    @TempDir
    static Path sky;
    static QueryEngine engine;
    static QueryOptions withPoints;
    static List<Shape> shapes = new ArrayList<>();
    static List<List<double[]>> points = new ArrayList<>();

    /** A box (width, height > 0) or a polygon (vertices), around a centre, all in degrees. */
    record Shape(double raDeg, double decDeg, double widthDeg, double heightDeg, List<double[]> verticesDeg, double reachDeg) {
        boolean isBox() {
            return verticesDeg.isEmpty();
        }

        String adql() {
            if (isBox()) {
                return String.format(Locale.ROOT, "BOX('ICRS', %.12f, %.12f, %.12f, %.12f)", raDeg, decDeg, widthDeg, heightDeg);
            }
            return "POLYGON('ICRS', " + verticesDeg.stream().map(v -> String.format(Locale.ROOT, "%.12f, %.12f", v[0], v[1]))
                    .collect(Collectors.joining(", ")) + ")";
        }
    }

    @BeforeAll
    static void generate() throws Exception {
        TinySky.generate(sky);
        Path uploads = Files.createDirectories(sky.resolve("uploads"));
        engine = QueryEngine.open(Archive.open(sky), List.of(), List.of(uploads));
        Random random = new Random(20261124L);
        for (int k = 0; k < SHAPES; k++) {
            double ra = k % 4 == 0 ? 359.5 + random.nextDouble() : random.nextDouble() * 360;
            double dec = k % 6 == 1 ? Math.copySign(84 + random.nextDouble() * 6, random.nextDouble() - 0.5)
                    : Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)) * 0.95;
            if (k % 2 == 0) {
                double width = 0.5 + random.nextDouble() * 30;
                double height = 0.5 + random.nextDouble() * 30;
                shapes.add(new Shape(ra, dec, width, height, List.of(), Math.max(width, height)));
            } else {
                double radius = 0.5 + random.nextDouble() * 15;
                int count = 5 + random.nextInt(8);
                double[] angles = random.doubles(count, 0, 2 * Math.PI).sorted().toArray();
                List<double[]> vertices = new ArrayList<>();
                for (double angle : angles) {
                    double[] vertex = offset(ra, dec, angle, radius * (0.3 + 0.7 * random.nextDouble()));
                    vertices.add(vertex);
                }
                shapes.add(new Shape(ra, dec, 0, 0, List.copyOf(vertices), radius));
            }
        }
        StringBuilder csv = new StringBuilder("shape,id,ra,dec\n");
        long id = 0;
        for (int k = 0; k < SHAPES; k++) {
            List<double[]> around = new ArrayList<>();
            for (int i = 0; i < POINTS_PER_SHAPE; i++) {
                // uniform in a cap of 1.5 times the shape's reach
                double capRad = Math.toRadians(Math.min(170, 1.5 * shapes.get(k).reachDeg()));
                double distance = Math.acos(1 - random.nextDouble() * (1 - Math.cos(capRad)));
                double[] point = offset(shapes.get(k).raDeg(), shapes.get(k).decDeg(), random.nextDouble() * 2 * Math.PI, Math.toDegrees(distance));
                around.add(new double[] {id, point[0], point[1]});
                csv.append(k).append(',').append(id++).append(',').append(point[0]).append(',').append(point[1]).append('\n');
            }
            points.add(around);
        }
        Path csvFile = uploads.resolve("points.csv");
        Files.writeString(csvFile, csv);
        Path file = uploads.resolve("points.parquet");
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT shape::INTEGER AS shape, id::BIGINT AS id, ra::DOUBLE AS ra, dec::DOUBLE AS dec FROM read_csv('"
                    + csvFile + "', header = true)) TO '" + file + "' (FORMAT parquet)");
        }
        withPoints = new QueryOptions(10_000_000L, Duration.ofMinutes(1), List.of(new QueryOptions.UploadedTable("points", file, List.of(
                ColumnDoc.of("shape", ColumnType.INT, "", "meta.id", "shape index"),
                ColumnDoc.of("id", ColumnType.LONG, "", "meta.id", "point id"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra", "ra"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec", "dec")))));
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    @Test
    void boxesAndNonConvexPolygonsContainExactlyTheBruteForcePoints() throws Exception {
        int nonConvex = 0;
        for (int k = 0; k < SHAPES; k++) {
            Shape shape = shapes.get(k);
            Set<Long> expected = new HashSet<>();
            for (double[] point : points.get(k)) {
                if (inside(shape, point[1], point[2])) {
                    expected.add((long) point[0]);
                }
            }
            assertThat(expected).as("shape %d has points inside and outside", k).isNotEmpty().hasSizeLessThan(POINTS_PER_SHAPE);
            String adql = "SELECT id FROM TAP_UPLOAD.points WHERE shape = " + k + " AND 1 = CONTAINS(POINT('ICRS', ra, dec), " + shape.adql() + ")";
            assertThat(ids(adql)).as(adql).containsExactlyInAnyOrderElementsOf(expected);
            if (!shape.isBox() && !isConvex(shape.verticesDeg())) {
                nonConvex++;
            }
        }
        assertThat(nonConvex).as("non-convex polygons among the shapes").isGreaterThan(5);
    }

    @Test
    void onTheSurveysPositionsTheHealpixPathAgreesWithBruteForce() throws Exception {
        List<TinySky.Row> all = TinySky.positions(engine, "SELECT id, ra, dec FROM deep_optical.sources");
        List<Shape> local = List.of(
                new Shape(0.0, -10.0, 0.1, 0.06, List.of(), 0.1),
                new Shape(359.98, -9.97, 0.05, 0.12, List.of(), 0.12),
                new Shape(0, 0, 0, 0, List.of(new double[] {359.9, -10.08}, new double[] {0.1, -10.08}, new double[] {0.1, -9.92},
                        new double[] {0.0, -10.0}, new double[] {359.9, -9.92}), 0.15));
        for (Shape shape : local) {
            Set<Long> expected = all.stream().filter(row -> inside(shape, row.raDeg(), row.decDeg())).map(TinySky.Row::id)
                    .collect(Collectors.toSet());
            assertThat(expected).isNotEmpty().hasSizeLessThan(all.size());
            String adql = "SELECT id FROM deep_optical.sources WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), " + shape.adql() + ")";
            assertThat(engine.translate(adql, TinySky.UNLIMITED).sql()).contains("_healpix_29");
            assertThat(TinySky.longs(engine, adql)).as(adql).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void circlesAndPolygonsContainAndIntersectAsTheirDistancesSay() throws Exception {
        int circlesWithin = 0;
        for (int k = 1; k < SHAPES; k += 4) {
            Shape shape = shapes.get(k);
            double radiusDeg = shape.reachDeg() / 4;
            List<double[]> boundary = denseBoundary(shape.verticesDeg());
            Set<Long> intersecting = new HashSet<>();
            Set<Long> circleWithin = new HashSet<>();
            Set<Long> polygonWithin = new HashSet<>();
            Set<Long> unsure = new HashSet<>();
            java.util.Map<Long, Double> farthestById = new java.util.HashMap<>();
            for (double[] point : points.get(k)) {
                long id = (long) point[0];
                UnitVector p = LonLat.ofDegrees(point[1], point[2]).toUnitVector();
                double largestDot = -1;
                double smallestDot = 1;
                for (double[] b : boundary) {
                    double dot = p.x() * b[2] + p.y() * b[3] + p.z() * b[4];
                    largestDot = Math.max(largestDot, dot);
                    smallestDot = Math.min(smallestDot, dot);
                }
                double nearest = Math.toDegrees(Math.acos(Math.min(1, largestDot)));
                double farthest = Math.toDegrees(Math.acos(Math.max(-1, smallestDot)));
                farthestById.put(id, farthest);
                boolean centreInside = inside(shape, point[1], point[2]);
                if (Math.abs(nearest - radiusDeg) < 1e-3 || Math.abs(farthest - radiusDeg) < 1e-3) {
                    unsure.add(id);
                }
                if (centreInside || nearest <= radiusDeg) {
                    intersecting.add(id);
                }
                if (centreInside && nearest >= radiusDeg) {
                    circleWithin.add(id);
                }
                if (farthest <= radiusDeg) {
                    polygonWithin.add(id);
                }
            }
            String circle = String.format(Locale.ROOT, "CIRCLE('ICRS', ra, dec, %.12f)", radiusDeg);
            String where = "SELECT id FROM TAP_UPLOAD.points WHERE shape = " + k + " AND 1 = ";
            assertSameOutsideUnsure(ids(where + "INTERSECTS(" + circle + ", " + shape.adql() + ")"), intersecting, unsure);
            assertSameOutsideUnsure(ids(where + "INTERSECTS(" + shape.adql() + ", " + circle + ")"), intersecting, unsure);
            assertSameOutsideUnsure(ids(where + "CONTAINS(" + circle + ", " + shape.adql() + ")"), circleWithin, unsure);
            assertThat(intersecting).isNotEmpty();
            circlesWithin += circleWithin.size();
            String big = String.format(Locale.ROOT, "CIRCLE('ICRS', ra, dec, %.12f)", shape.reachDeg() * 1.2);
            Set<Long> bigWithin = new HashSet<>();
            Set<Long> bigUnsure = new HashSet<>();
            for (double[] point : points.get(k)) {
                double farthest = farthestById.get((long) point[0]);
                if (farthest <= shape.reachDeg() * 1.2) {
                    bigWithin.add((long) point[0]);
                }
                if (Math.abs(farthest - shape.reachDeg() * 1.2) < 1e-3) {
                    bigUnsure.add((long) point[0]);
                }
            }
            assertThat(bigWithin).isNotEmpty();
            assertSameOutsideUnsure(ids(where + "CONTAINS(" + shape.adql() + ", " + big + ")"), bigWithin, bigUnsure);
        }
        assertThat(circlesWithin).as("circles within polygons").isPositive();
        // two circles, against the haversine
        List<double[]> around = points.get(0);
        Set<Long> expected = new HashSet<>();
        Set<Long> within = new HashSet<>();
        for (double[] point : around) {
            double d = TinySky.distanceDeg(point[1], point[2], shapes.get(0).raDeg(), shapes.get(0).decDeg());
            if (d <= 2 + 5) {
                expected.add((long) point[0]);
            }
            if (d + 2 <= 5) {
                within.add((long) point[0]);
            }
        }
        String centre = String.format(Locale.ROOT, "CIRCLE(%.12f, %.12f, 5)", shapes.get(0).raDeg(), shapes.get(0).decDeg());
        assertThat(ids("SELECT id FROM TAP_UPLOAD.points WHERE shape = 0 AND 1 = INTERSECTS(CIRCLE(ra, dec, 2), " + centre + ")"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids("SELECT id FROM TAP_UPLOAD.points WHERE shape = 0 AND 1 = CONTAINS(CIRCLE(ra, dec, 2), " + centre + ")"))
                .containsExactlyInAnyOrderElementsOf(within);
    }

    @Test
    void centroidsAndAreasMatchMonteCarloIntegration() throws Exception {
        Random random = new Random(7);
        for (int k = 0; k < SHAPES; k += 3) {
            Shape shape = shapes.get(k);
            double capRad = Math.toRadians(Math.min(170, 1.5 * shape.reachDeg()));
            int samples = 100_000;
            int insideCount = 0;
            double x = 0;
            double y = 0;
            double z = 0;
            for (int i = 0; i < samples; i++) {
                double distance = Math.acos(1 - random.nextDouble() * (1 - Math.cos(capRad)));
                double[] p = offset(shape.raDeg(), shape.decDeg(), random.nextDouble() * 2 * Math.PI, Math.toDegrees(distance));
                if (inside(shape, p[0], p[1])) {
                    UnitVector v = LonLat.ofDegrees(p[0], p[1]).toUnitVector();
                    x += v.x();
                    y += v.y();
                    z += v.z();
                    insideCount++;
                }
            }
            double capArea = 2 * Math.PI * (1 - Math.cos(capRad)) * Math.pow(180 / Math.PI, 2);
            double expectedArea = capArea * insideCount / samples;
            LonLat expectedCentroid = new UnitVector(x, y, z).normalized().toLonLat();
            String adql = "SELECT AREA(" + shape.adql() + "), COORD1(CENTROID(" + shape.adql() + ")), COORD2(CENTROID(" + shape.adql()
                    + ")) FROM TAP_UPLOAD.points WHERE id = 0";
            try (QueryResult result = engine.execute(adql, withPoints)) {
                assertThat(result.next()).isTrue();
                double area = result.rows().getDouble(1);
                double ra = result.rows().getDouble(2);
                double dec = result.rows().getDouble(3);
                assertThat(area).as("area of %s", shape.adql()).isCloseTo(expectedArea, org.assertj.core.data.Percentage.withPercentage(2));
                assertThat(TinySky.distanceDeg(ra, dec, expectedCentroid.lonDeg(), expectedCentroid.latDeg()))
                        .as("centroid of %s", shape.adql()).isLessThan(shape.reachDeg() / 30);
                if (shape.isBox()) {
                    // symmetric about both arms of its cross: the centroid is the centre
                    assertThat(TinySky.distanceDeg(ra, dec, shape.raDeg(), shape.decDeg())).isLessThan(1e-9);
                }
            }
        }
    }

    @Test
    void theAreaOfACircleOfColumnRadiusIsTheCapArea() throws Exception {
        try (QueryResult result = engine.execute("SELECT dec, AREA(CIRCLE(ra, dec, ABS(dec))) FROM TAP_UPLOAD.points WHERE shape = 3", withPoints)) {
            int rows = 0;
            while (result.next()) {
                double radiusRad = Math.toRadians(Math.abs(result.rows().getDouble(1)));
                rows++;
                assertThat(result.rows().getDouble(2)).isCloseTo(2 * Math.PI * (1 - Math.cos(radiusRad)) * Math.pow(180 / Math.PI, 2),
                        org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(rows).isEqualTo(POINTS_PER_SHAPE);
        }
    }

    @Test
    void stcsRegionsAreTheShapesTheyName() throws Exception {
        for (int k = 0; k < 8; k++) {
            Shape shape = shapes.get(k);
            String stcs = shape.isBox()
                    ? String.format(Locale.ROOT, "Box ICRS GEOCENTER %.12f %.12f %.12f %.12f", shape.raDeg(), shape.decDeg(), shape.widthDeg(), shape.heightDeg())
                    : "Polygon " + shape.verticesDeg().stream().map(v -> String.format(Locale.ROOT, "%.12f %.12f", v[0], v[1]))
                            .collect(Collectors.joining(" ")) + " unit deg";
            String where = "SELECT id FROM TAP_UPLOAD.points WHERE shape = " + k + " AND 1 = CONTAINS(POINT('ICRS', ra, dec), ";
            assertThat(ids(where + "REGION('" + stcs + "'))")).as(stcs).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(ids(where + shape.adql() + ")"));
        }
        String circle = String.format(Locale.ROOT, "%.12f %.12f 3", shapes.get(0).raDeg(), shapes.get(0).decDeg());
        String where = "SELECT id FROM TAP_UPLOAD.points WHERE shape = 0 AND ";
        assertThat(ids(where + "1 = CONTAINS(POINT(ra, dec), REGION('Circle ICRS " + circle + "'))"))
                .isNotEmpty().containsExactlyInAnyOrderElementsOf(ids(where + "DISTANCE(POINT(ra, dec), REGION('Position " 
                        + circle.substring(0, circle.lastIndexOf(' ')) + "')) <= 3"));
        for (String[] bad : new String[][] {
                {"Circle FK5 10 20 1", "frame FK5 is not offered"},
                {"Union ICRS (Circle 1 2 3 Circle 4 5 6)", "compound regions are not offered"},
                {"Circle ICRS 10 20", "a Circle takes 3 numbers"},
                {"Polygon 1 2 3 x 5 6", "expected a number"},
                {"Circle 10 20 1 unit arcsec", "expected 'unit deg'"}}) {
            String adql = "SELECT id FROM TAP_UPLOAD.points\nWHERE 1 = CONTAINS(POINT(ra, dec),  REGION('" + bad[0] + "'))";
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ids(adql))
                    .isInstanceOf(AdqlException.class).hasMessageContaining("error at 2:")
                    .hasMessageContaining(bad[1]);
        }
    }

    private static void assertSameOutsideUnsure(Set<Long> actual, Set<Long> expected, Set<Long> unsure) {
        Set<Long> a = new HashSet<>(actual);
        Set<Long> e = new HashSet<>(expected);
        a.removeAll(unsure);
        e.removeAll(unsure);
        assertThat(a).containsExactlyInAnyOrderElementsOf(e);
    }

    private Set<Long> ids(String adql) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (QueryResult result = engine.execute(adql, withPoints)) {
            while (result.next()) {
                ids.add(result.rows().getLong(1));
            }
        }
        return ids;
    }

    /** The oracle: for a box, a rectangle in the gnomonic projection at its centre; for a polygon, SphericalPolygon. */
    static boolean inside(Shape shape, double raDeg, double decDeg) {
        UnitVector p = LonLat.ofDegrees(((raDeg % 360) + 360) % 360, decDeg).toUnitVector();
        if (shape.isBox()) {
            double lon = Math.toRadians(shape.raDeg());
            double lat = Math.toRadians(shape.decDeg());
            UnitVector centre = UnitVector.ofLonLat(lon, lat);
            UnitVector east = new UnitVector(-Math.sin(lon), Math.cos(lon), 0);
            UnitVector north = centre.cross(east);
            double depth = p.dot(centre);
            return depth > 0 && Math.abs(p.dot(east)) <= depth * Math.tan(Math.toRadians(shape.widthDeg() / 2))
                    && Math.abs(p.dot(north)) <= depth * Math.tan(Math.toRadians(shape.heightDeg() / 2));
        }
        return POLYGONS.computeIfAbsent(shape, s -> new SphericalPolygon(s.verticesDeg().stream()
                .map(v -> LonLat.ofDegrees(((v[0] % 360) + 360) % 360, v[1])).toList())).contains(p);
    }

    private static boolean isConvex(List<double[]> verticesDeg) {
        int count = verticesDeg.size();
        int left = 0;
        for (int i = 0; i < count; i++) {
            UnitVector a = LonLat.ofDegrees(verticesDeg.get(i)[0], verticesDeg.get(i)[1]).toUnitVector();
            UnitVector b = LonLat.ofDegrees(verticesDeg.get((i + 1) % count)[0], verticesDeg.get((i + 1) % count)[1]).toUnitVector();
            UnitVector c = LonLat.ofDegrees(verticesDeg.get((i + 2) % count)[0], verticesDeg.get((i + 2) % count)[1]).toUnitVector();
            if (a.cross(b).dot(c) > 0) {
                left++;
            }
        }
        return left == 0 || left == count;
    }

    /** Unit vectors ({unused, unused, x, y, z}) every 0.02 degrees along the polygon's great-circle edges, degrees. */
    private static List<double[]> denseBoundary(List<double[]> verticesDeg) {
        List<double[]> boundary = new ArrayList<>();
        for (int i = 0; i < verticesDeg.size(); i++) {
            UnitVector a = LonLat.ofDegrees(verticesDeg.get(i)[0], verticesDeg.get(i)[1]).toUnitVector();
            UnitVector b = LonLat.ofDegrees(verticesDeg.get((i + 1) % verticesDeg.size())[0],
                    verticesDeg.get((i + 1) % verticesDeg.size())[1]).toUnitVector();
            double angle = a.angleRad(b);
            int steps = Math.max(10, (int) Math.ceil(Math.toDegrees(angle) / 0.02));
            for (int s = 0; s <= steps; s++) {
                double t = angle * s / steps;
                double wa = Math.sin(angle - t) / Math.sin(angle);
                double wb = Math.sin(t) / Math.sin(angle);
                UnitVector p = new UnitVector(wa * a.x() + wb * b.x(), wa * a.y() + wb * b.y(), wa * a.z() + wb * b.z());
                boundary.add(new double[] {0, 0, p.x(), p.y(), p.z()});
            }
        }
        return boundary;
    }

    /** The position {@code distanceDeg} from (raDeg, decDeg) towards position angle {@code angleRad} (east of north). */
    static double[] offset(double raDeg, double decDeg, double angleRad, double distanceDeg) {
        double lat = Math.toRadians(decDeg);
        double d = Math.toRadians(distanceDeg);
        double newLat = Math.asin(Math.sin(lat) * Math.cos(d) + Math.cos(lat) * Math.sin(d) * Math.cos(angleRad));
        double newLon = Math.toRadians(raDeg) + Math.atan2(Math.sin(angleRad) * Math.sin(d) * Math.cos(lat),
                Math.cos(d) - Math.sin(lat) * Math.sin(newLat));
        double lonDeg = ((Math.toDegrees(newLon) % 360) + 360) % 360;
        return new double[] {lonDeg, Math.toDegrees(newLat)};
    }
}
