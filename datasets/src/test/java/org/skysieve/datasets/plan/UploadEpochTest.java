package org.skysieve.datasets.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.datasets.TestSky;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.spec.DatasetSpecs;
import org.skysieve.datasets.spec.InvalidDatasetSpecException;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.TableReader;

/**
 * Uploaded positions with an epoch: the astrometric survey's fastest stars, moved by their proper motions (a step on the
 * tangent plane, written here again) to other epochs and uploaded, are each matched to themselves when the upload
 * says its epoch (one year for all, or a column per object), and not all of them without it; bad epochs are refused
 * with their place.
 */
class UploadEpochTest {
    private static final double RADIUS_ARCSEC = 1.0;
    @TempDir
    static Path temp;
    static Path sky;
    /** ra, dec (deg, at the survey's epoch 2016.0), pmra (cos dec included), pmdec (mas/yr). */
    static List<double[]> stars = new ArrayList<>();
    /** Their source_id. */
    static List<String> ids = new ArrayList<>();

    @BeforeAll
    static void fastestStars() {
        sky = TestSky.path();
        var table = Archive.open(sky).survey("astrometric").orElseThrow().tables().get(0);
        assertThat(Archive.open(sky).survey("astrometric").orElseThrow().survey().epochYear()).isEqualTo(2016.0);
        LoadedTable rows = TableReader.readSql("astrometric", "SELECT source_id, ra, dec, pmra, pmdec FROM read_parquet("
                + HatsCatalog.open(table.catalogueFolder()).duckDbFileList() + ") WHERE pmra * pmra + pmdec * pmdec > 4 * 4"
                + " ORDER BY pmra * pmra + pmdec * pmdec DESC, source_id LIMIT 200");
        for (int i = 0; i < rows.rowCount(); i++) {
            double[] star = new double[5];
            for (int c = 1; c < 5; c++) {
                star[c] = rows.columns().get(c).doubleValue(i);
            }
            stars.add(star);
            ids.add(rows.columns().get(0).text(i));
        }
        // faster than 4 mas/yr: 400 years move each more than 1.5 times the radius, so without the epoch none matches
        assertThat(stars).hasSizeGreaterThan(10);
    }

    /** A CSV of the stars at {@code epochOf(i)}, with the epoch as a column. */
    private static void upload(String name, java.util.function.IntToDoubleFunction epochOf, boolean blankFirstEpoch) throws Exception {
        StringBuilder csv = new StringBuilder("id,ra,dec,obs_epoch\n");
        for (int i = 0; i < stars.size(); i++) {
            double[] s = stars.get(i);
            double years = epochOf.applyAsDouble(i) - 2016.0;
            // a step along the east and north unit vectors of the tangent plane, back to the sphere
            double ra0 = Math.toRadians(s[1]);
            double dec0 = Math.toRadians(s[2]);
            double east = Math.toRadians(s[3] * years / 3.6e6);
            double north = Math.toRadians(s[4] * years / 3.6e6);
            double[] p = {Math.cos(dec0) * Math.cos(ra0), Math.cos(dec0) * Math.sin(ra0), Math.sin(dec0)};
            double[] e = {-Math.sin(ra0), Math.cos(ra0), 0};
            double[] n = {-Math.sin(dec0) * Math.cos(ra0), -Math.sin(dec0) * Math.sin(ra0), Math.cos(dec0)};
            double x = p[0] + east * e[0] + north * n[0];
            double y = p[1] + east * e[1] + north * n[1];
            double z = p[2] + east * e[2] + north * n[2];
            double ra = (Math.toDegrees(Math.atan2(y, x)) + 360.0) % 360.0;
            double dec = Math.toDegrees(Math.atan2(z, Math.hypot(x, y)));
            csv.append(String.format(Locale.ROOT, "%s,%.10f,%.10f,%s%n", ids.get(i), ra, dec,
                    blankFirstEpoch && i == 0 ? "" : Double.toString(epochOf.applyAsDouble(i))));
        }
        Files.writeString(temp.resolve(name), csv);
    }

    private static LoadedTable plan(String objects, String work) {
        String spec = "name: epochs\nobjects: " + objects + "\nfeatures:\n"
                + "  - {survey: astrometric, columns: [source_id], match: {radius: " + RADIUS_ARCSEC + "arcsec}}\n";
        return TableReader.read(DatasetPlanner.plan(DatasetSpecs.parse(spec, work, temp), sky, temp.resolve(work),
                BuildProgress.none()).rows());
    }

    /** How many objects are matched to a star other than themselves (or to none). */
    private static int notThemselves(LoadedTable rows) {
        Column ids = rows.require("object_id", "id");
        Column matched = rows.require("astrometric_source_id", "match");
        int wrong = 0;
        for (int i = 0; i < rows.rowCount(); i++) {
            String match = matched.text(i);
            wrong += ids.text(i).equals(match) ? 0 : 1;
        }
        assertThat(rows.rowCount()).isEqualTo(stars.size());
        return wrong;
    }

    @Test
    void oneEpochForAllMatchesEachStarToItself() throws Exception {
        upload("at2416.csv", i -> 2416.0, false);
        assertThat(notThemselves(plan("{upload: at2416.csv, id: id, epoch: 2416.0}", "year"))).isZero();
        assertThat(notThemselves(plan("{upload: at2416.csv, id: id}", "no-epoch"))).as("without the epoch")
                .isEqualTo(stars.size());
    }

    @Test
    void anEpochPerObjectMatchesEachStarToItself() throws Exception {
        upload("mixed.csv", i -> i % 3 == 0 ? 1616.0 : i % 3 == 1 ? 2416.0 : 2016.0, false);
        assertThat(notThemselves(plan("{upload: mixed.csv, id: id, epoch: obs_epoch}", "column"))).isZero();
        assertThat(notThemselves(plan("{upload: mixed.csv, id: id, epoch: 2416.0}", "one-for-all")))
                .as("one epoch for objects of three").isPositive();
    }

    @Test
    void badEpochsAreRefusedWithTheirPlace() throws Exception {
        upload("blank.csv", i -> 2416.0, true);
        assertThatThrownBy(() -> plan("{upload: blank.csv, id: id, epoch: obs_epoch}", "blank"))
                .isInstanceOf(InvalidDatasetSpecException.class)
                .hasMessageContaining("objects.epoch: Expected every object's epoch (column obs_epoch) to be a Julian year"
                        + " in [1000, 3000]. Actual: 1 objects without one, e.g. [id " + ids.get(0) + ": null]");
        assertThatThrownBy(() -> plan("{upload: blank.csv, id: id, epoch: 24160}", "typo"))
                .isInstanceOf(InvalidDatasetSpecException.class)
                .hasMessageContaining("objects.epoch: Expected a Julian year in [1000, 3000], e.g. 2016.0, or the name of a"
                        + " column of the upload. Actual: 24160.0");
        assertThatThrownBy(() -> plan("{upload: blank.csv, id: id, epoch: obs_epoc}", "unknown"))
                .isInstanceOf(InvalidDatasetSpecException.class)
                .hasMessageContaining("objects.epoch: Expected a column 'obs_epoc' in the upload");
        Files.writeString(temp.resolve("text.csv"), "id,ra,dec,obs_epoch\n1,10.0,5.0,J2016\n");
        assertThatThrownBy(() -> plan("{upload: text.csv, id: id, epoch: obs_epoch}", "text"))
                .isInstanceOf(InvalidDatasetSpecException.class)
                .hasMessageContaining("objects.epoch: Expected numbers (Julian years) in column 'obs_epoch'");
        assertThatThrownBy(() -> plan("{adql: 'SELECT TOP 3 id, ra, dec FROM deep_optical.sources ORDER BY id', epoch: 2016.0}",
                "query")).isInstanceOf(InvalidDatasetSpecException.class)
                .hasMessageContaining("objects.epoch: Expected an epoch with uploaded positions only");
    }
}
