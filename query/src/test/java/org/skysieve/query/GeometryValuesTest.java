package org.skysieve.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.sky.UnitVector;

/**
 * Geometry values returned by a query (DALI point, circle, polygon arrays of degrees) against the same numbers computed
 * in Java from the rows' own columns: longitudes wrapped to [0, 360) (the tiny sky straddles RA 0), BOX corners from
 * the gnomonic rectangle at the centre (an oracle independent of the translator's vector construction), nulls when a
 * part is null, geometry passed out of WITH and derived tables.
 */
class GeometryValuesTest {
    @TempDir
    static Path sky;
    static QueryEngine engine;

    @BeforeAll
    static void generate() throws Exception {
        TinySky.generate(sky);
        engine = QueryEngine.open(Archive.open(sky));
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    static double wrapped(double lonDeg) {
        double value = ((lonDeg % 360) + 360) % 360;
        return value >= 360 ? 0 : value;
    }

    static double[] doubles(ResultSet rows, int column) throws Exception {
        Array array = rows.getArray(column);
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        double[] numbers = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            numbers[i] = ((Number) values[i]).doubleValue();
        }
        return numbers;
    }

    @Test
    void pointsCirclesPolygonsAndCentroidsOfColumnsMatchJava() throws Exception {
        String adql = "SELECT id, ra, dec, POINT('ICRS', ra, dec), CIRCLE(ra - 1, dec, 0.1), POLYGON(ra, dec, ra + 1, dec, ra, dec + 1),"
                + " CENTROID(CIRCLE(POINT(ra + 360, dec), 2)), POINT(ra, CASE WHEN MOD(id, 2) = 0 THEN dec END) AS half"
                + " FROM deep_optical.sources ORDER BY id";
        int rowCount = 0;
        int nulls = 0;
        boolean wrappedSeen = false;
        try (QueryResult result = engine.execute(adql, TinySky.UNLIMITED)) {
            List<ColumnType> types = result.columns().stream().map(ColumnDoc::type).toList();
            assertThat(types.subList(3, 8)).containsExactly(ColumnType.POINT, ColumnType.CIRCLE, ColumnType.POLYGON, ColumnType.POINT,
                    ColumnType.POINT);
            assertThat(result.columns().get(3).unit()).isEqualTo("deg");
            ResultSet rows = result.rows();
            while (result.next()) {
                rowCount++;
                long id = rows.getLong(1);
                double ra = rows.getDouble(2);
                double dec = rows.getDouble(3);
                assertThat(doubles(rows, 4)).containsExactly(new double[] {wrapped(ra), dec}, within(1e-12));
                double[] circle = doubles(rows, 5);
                assertThat(circle).containsExactly(new double[] {wrapped(ra - 1), dec, 0.1}, within(1e-9));
                wrappedSeen |= ra - 1 < 0;
                assertThat(doubles(rows, 6)).containsExactly(new double[] {wrapped(ra), dec, wrapped(ra + 1), dec, wrapped(ra), dec + 1},
                        within(1e-9));
                assertThat(doubles(rows, 7)).containsExactly(new double[] {wrapped(ra + 360), dec}, within(1e-9));
                double[] half = doubles(rows, 8);
                if (id % 2 == 0) {
                    assertThat(half).containsExactly(wrapped(ra), dec);
                } else {
                    assertThat(half).as("POINT with a null declination").isNull();
                    nulls++;
                }
                for (double[] value : List.of(doubles(rows, 4), circle)) {
                    assertThat(value[0]).isGreaterThanOrEqualTo(0).isLessThan(360);
                }
            }
        }
        assertThat(rowCount).isGreaterThan(100);
        assertThat(nulls).isGreaterThan(0);
        assertThat(wrappedSeen).as("some ra - 1 crossed 0").isTrue();
    }

    @Test
    void boxesAreThePolygonsOfTheirGnomonicCornersAndCentroidsOfPolygonsArePoints() throws Exception {
        double[][] boxes = {{10, 20, 4, 2}, {359.5, -45, 10, 30}, {-30, 80, 20, 6}, {180, 0, 1, 1}};
        for (double[] box : boxes) {
            String adql = "SELECT TOP 1 BOX('ICRS', " + box[0] + ", " + box[1] + ", " + box[2] + ", " + box[3] + "),"
                    + " CENTROID(POLYGON(10, 10, 12, 10, 11, 12)), COORD1(CENTROID(POLYGON(10, 10, 12, 10, 11, 12))),"
                    + " COORD2(CENTROID(POLYGON(10, 10, 12, 10, 11, 12))) FROM deep_optical.sources";
            try (QueryResult result = engine.execute(adql, TinySky.UNLIMITED)) {
                assertThat(result.columns().get(0).type()).isEqualTo(ColumnType.POLYGON);
                assertThat(result.next()).isTrue();
                double[] corners = doubles(result.rows(), 1);
                assertThat(corners).hasSize(8);
                List<double[]> expected = gnomonicCorners(box[0], box[1], box[2], box[3]);
                for (int i = 0; i < 4; i++) {
                    assertThat(corners[2 * i]).as("corner %d lon of box %s", i, java.util.Arrays.toString(box))
                            .isCloseTo(expected.get(i)[0], within(1e-9));
                    assertThat(corners[2 * i + 1]).isCloseTo(expected.get(i)[1], within(1e-9));
                }
                double[] centroid = doubles(result.rows(), 2);
                assertThat(centroid).containsExactly(new double[] {result.rows().getDouble(3), result.rows().getDouble(4)}, within(1e-12));
            }
        }
    }

    /**
     * South-west, north-west, north-east, south-east (DALI's winding: counter-clockwise seen from inside the sphere, where
     * east is on the left): the rectangle x = ±tan(w/2), y = ±tan(h/2) deprojected at the centre.
     */
    private static List<double[]> gnomonicCorners(double lonDeg, double latDeg, double widthDeg, double heightDeg) {
        double lon = Math.toRadians(lonDeg);
        double lat = Math.toRadians(latDeg);
        UnitVector centre = UnitVector.ofLonLat(lon, lat);
        double[] east = {-Math.sin(lon), Math.cos(lon), 0};
        double[] north = {-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)};
        double x = Math.tan(Math.toRadians(widthDeg) / 2);
        double y = Math.tan(Math.toRadians(heightDeg) / 2);
        List<double[]> corners = new ArrayList<>();
        for (double[] sign : new double[][] {{-1, -1}, {-1, 1}, {1, 1}, {1, -1}}) {
            double cx = centre.x() + sign[0] * x * east[0] + sign[1] * y * north[0];
            double cy = centre.y() + sign[0] * x * east[1] + sign[1] * y * north[1];
            double cz = centre.z() + sign[0] * x * east[2] + sign[1] * y * north[2];
            double norm = Math.sqrt(cx * cx + cy * cy + cz * cz);
            corners.add(new double[] {wrapped(Math.toDegrees(Math.atan2(cy, cx))), Math.toDegrees(Math.asin(cz / norm))});
        }
        return corners;
    }

    @Test
    void constantPolygonsComeBackCounterClockwiseSeenFromInside() throws Exception {
        // east is on the left seen from inside: (10,10) -> (12,10) -> (11,12) turns clockwise there, the reverse order does not
        String adql = "SELECT TOP 1 POLYGON(10, 10, 12, 10, 11, 12), POLYGON(10, 10, 11, 12, 12, 10),"
                + " POLYGON(POINT(-10, 10), POINT(-11, 12), POINT(-12, 10)) FROM deep_optical.sources";
        try (QueryResult result = engine.execute(adql, TinySky.UNLIMITED)) {
            assertThat(result.next()).isTrue();
            assertThat(doubles(result.rows(), 1)).containsExactly(10, 10, 11, 12, 12, 10);
            assertThat(doubles(result.rows(), 2)).containsExactly(10, 10, 11, 12, 12, 10);
            assertThat(doubles(result.rows(), 3)).containsExactly(350, 10, 348, 10, 349, 12);
        }
    }

    @Test
    void geometryPassesOutOfWithAndDerivedTablesAndStillWorksInPredicates() throws Exception {
        String adql = "WITH g AS (SELECT id, POINT(ra, dec) AS p, CIRCLE(ra, dec, 0.01) AS c FROM deep_optical.sources)"
                + " SELECT s.id, s.p, s.c FROM (SELECT id, p, c FROM g) AS s ORDER BY s.id";
        List<Long> ids = new ArrayList<>();
        try (QueryResult result = engine.execute(adql, TinySky.UNLIMITED)) {
            assertThat(result.columns().stream().map(ColumnDoc::type).toList())
                    .containsExactly(ColumnType.LONG, ColumnType.POINT, ColumnType.CIRCLE);
            while (result.next()) {
                ids.add(result.rows().getLong(1));
                assertThat(doubles(result.rows(), 2)).hasSize(2);
                assertThat(doubles(result.rows(), 3)[2]).isEqualTo(0.01);
            }
        }
        String coordinates = "SELECT s.id, COORD1(s.p), COORD2(s.p), s.ra, s.dec"
                + " FROM (SELECT id, POINT(ra - 720, dec) AS p, ra, dec FROM deep_optical.sources) AS s ORDER BY s.id";
        int rows = 0;
        try (QueryResult result = engine.execute(coordinates, TinySky.UNLIMITED)) {
            while (result.next()) {
                rows++;
                assertThat(result.rows().getDouble(2)).isCloseTo(wrapped(result.rows().getDouble(4)), within(1e-9));
                assertThat(result.rows().getDouble(3)).isEqualTo(result.rows().getDouble(5));
            }
        }
        assertThat(rows).isEqualTo(ids.size());
        List<Long> cone = TinySky.longs(engine, "SELECT id FROM deep_optical.sources"
                + " WHERE CONTAINS(POINT(ra, dec), CIRCLE(0, -10, 0.05)) = 1 ORDER BY id");
        List<Long> coneWithValues = TinySky.longs(engine, "SELECT id, POINT(ra, dec) FROM deep_optical.sources"
                + " WHERE CONTAINS(POINT(ra, dec), CIRCLE(0, -10, 0.05)) = 1 ORDER BY id");
        assertThat(ids).hasSizeGreaterThan(cone.size());
        assertThat(cone).isNotEmpty().isEqualTo(coneWithValues);
    }
}
