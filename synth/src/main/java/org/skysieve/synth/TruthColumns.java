package org.skysieve.synth;

import java.util.ArrayList;
import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * The documentation of the truth files' columns, written into each file's Parquet key/value metadata under
 * {@value #COLUMNS_KEY} (a JSON list of {@link ColumnDoc}) with a description under {@value #DESCRIPTION_KEY}.
 */
final class TruthColumns {
    static final String COLUMNS_KEY = "skysieve.columns";
    static final String DESCRIPTION_KEY = "skysieve.description";

    private TruthColumns() {
    }

    static List<ColumnDoc> sources() {
        List<ColumnDoc> columns = new ArrayList<>(List.of(
                ColumnDoc.of("true_id", ColumnType.LONG, "", "meta.id;meta.main", "Identifier of the true source."),
                ColumnDoc.of("class", ColumnType.STRING, "", "src.class", "star, galaxy or quasar."),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "True right ascension (ICRS) at epoch 2016.0."),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "True declination (ICRS) at epoch 2016.0."),
                ColumnDoc.of("pmra", ColumnType.FLOAT, "mas/yr", "pos.pm;pos.eq.ra", "True proper motion in RA times cos(dec); 0 for galaxies and quasars."),
                ColumnDoc.of("pmdec", ColumnType.FLOAT, "mas/yr", "pos.pm;pos.eq.dec", "True proper motion in Dec; 0 for galaxies and quasars."),
                ColumnDoc.of("parallax", ColumnType.FLOAT, "mas", "pos.parallax", "True parallax; 0 for galaxies and quasars."),
                ColumnDoc.of("redshift", ColumnType.FLOAT, "", "src.redshift", "True redshift.").withNullMeaning("A star: no redshift."),
                ColumnDoc.of("half_light_radius", ColumnType.FLOAT, "arcsec", "phys.angSize", "Galaxy half-light radius.")
                        .withNullMeaning("A point source (star or quasar)."),
                ColumnDoc.of("ellipticity", ColumnType.FLOAT, "", "src.ellipticity", "Galaxy ellipticity 1 - b/a.")
                        .withNullMeaning("A point source (star or quasar)."),
                ColumnDoc.of("position_angle", ColumnType.FLOAT, "deg", "pos.posAng", "Galaxy major-axis position angle, east of north.")
                        .withNullMeaning("A point source (star or quasar).")));
        for (Passband band : Passband.all()) {
            columns.add(ColumnDoc.of(band.truthColumn(), ColumnType.FLOAT, "mag", "phot.mag;" + band.ucdBandWord(),
                    "True AB magnitude in " + band.label() + " (effective wavelength " + band.wavelengthMicron() + " micron).")
                    .withBand(band.label()));
        }
        return List.copyOf(columns);
    }

    static List<ColumnDoc> observations() {
        return List.of(
                ColumnDoc.of("true_id", ColumnType.LONG, "", "meta.id", "The true source."),
                ColumnDoc.of("survey", ColumnType.STRING, "", "meta.id", "The survey."),
                ColumnDoc.of("band", ColumnType.STRING, "", "meta.id;instr.bandpass", "The survey's band."),
                ColumnDoc.of("status", ColumnType.STRING, "", "meta.code.status",
                        "detected, undetected (observed, outside masks, below the limit), masked or unobserved (outside coverage)."),
                ColumnDoc.of("source_id", ColumnType.LONG, "", "meta.id.cross",
                        "The catalogue row the source became (whatever its status in this band).")
                        .withNullMeaning("The source made no catalogue row in this survey."),
                ColumnDoc.of("maglim", ColumnType.FLOAT, "mag", "phot.mag;instr.sensitivity",
                        "5-sigma point-source limiting magnitude (AB) at the source's position.")
                        .withNullMeaning("Masked or unobserved: no limit applies."),
                ColumnDoc.of("is_primary", ColumnType.BOOLEAN, "", "meta.code",
                        "False when the source was blended into a brighter one's measurement; true otherwise."));
    }

    static List<ColumnDoc> spurious() {
        return List.of(
                ColumnDoc.of("survey", ColumnType.STRING, "", "meta.id", "The survey."),
                ColumnDoc.of("source_id", ColumnType.LONG, "", "meta.id.cross", "The catalogue row that belongs to no true source."),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra", "Catalogue right ascension."),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec", "Catalogue declination."),
                ColumnDoc.of("band", ColumnType.STRING, "", "meta.id;instr.bandpass", "The band whose noise peak made the row."));
    }
}
