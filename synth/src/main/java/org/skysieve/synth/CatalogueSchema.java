package org.skysieve.synth;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.StatusColumns;

/**
 * The catalogue columns of a simulated survey: each column's documentation next to the code that writes its value,
 * so that the documented columns and the written values cannot drift apart.
 *
 * <p>Immutable; {@link #append} is as thread-safe as the appender it is given (one per thread).
 */
final class CatalogueSchema {
    @FunctionalInterface
    private interface ValueWriter {
        void write(DuckDBAppender appender, MeasuredRow row) throws SQLException;
    }

    private record Column(ColumnDoc doc, ValueWriter writer) {
    }

    private final SurveySpec survey;
    private final List<Column> columns;

    CatalogueSchema(SurveySpec survey) {
        this.survey = survey;
        List<Column> list = new ArrayList<>();
        addIdentity(list);
        switch (survey.style()) {
            case IMAGING -> addImaging(list);
            case ASTROMETRIC -> addAstrometric(list);
            case WIDE -> addWide(list);
            default -> throw new IllegalStateException("Unknown style " + survey.style());
        }
        list.add(new Column(ColumnDoc.of(survey.flagsColumn(), ColumnType.INT, "", "meta.code.qual",
                "Quality flags, a bit mask; every bit is documented in the flag dictionary.").withFlags(QualityFlags.DICTIONARY),
                (a, r) -> a.append(r.flags)));
        for (int b = 0; b < survey.bands().size(); b++) {
            addBand(list, b);
        }
        this.columns = List.copyOf(list);
    }

    private void addIdentity(List<Column> list) {
        list.add(new Column(ColumnDoc.of(survey.idColumn(), ColumnType.LONG, "", "meta.id;meta.main",
                "Unique source identifier in this catalogue."), (a, r) -> a.append(r.id)));
        list.add(new Column(ColumnDoc.of(survey.nameColumn(), ColumnType.STRING, "", "meta.id",
                "Designation in the survey's style (IAU-style from the position for the imaging surveys); not guaranteed"
                        + " unique, use " + survey.idColumn() + " to join."), (a, r) -> a.append(r.name)));
        list.add(new Column(ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main",
                "Right ascension (ICRS) at the catalogue epoch " + survey.epochYear() + "."), (a, r) -> a.append(r.raDeg)));
        list.add(new Column(ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main",
                "Declination (ICRS) at the catalogue epoch " + survey.epochYear() + "."), (a, r) -> a.append(r.decDeg)));
    }

    private void addImaging(List<Column> list) {
        list.add(new Column(ColumnDoc.of("pos_err", ColumnType.FLOAT, "arcsec", "stat.error;pos.eq",
                "One-sigma position error per axis."), (a, r) -> appendFloat(a, r.positionErrorArcsec)));
        list.add(new Column(ColumnDoc.of("tile_id", ColumnType.STRING, "", "meta.id;obs.field",
                "Identifier of the survey tile the source was measured on."), (a, r) -> a.append(r.tileId)));
        list.add(new Column(ColumnDoc.of("class_star", ColumnType.FLOAT, "", "src.class.starGalaxy",
                "Stellarity index in [0, 1]: 1 for point-like sources, 0 for clearly extended ones."),
                (a, r) -> appendFloat(a, r.classStar)));
        list.add(new Column(ColumnDoc.of("flux_radius", ColumnType.FLOAT, "arcsec", "phys.angSize",
                "Measured half-light radius, including the point-spread function."), (a, r) -> appendFloat(a, r.fluxRadiusArcsec)));
    }

    private void addAstrometric(List<Column> list) {
        list.add(new Column(ColumnDoc.of("ra_error", ColumnType.FLOAT, "mas", "stat.error;pos.eq.ra",
                "Standard error of ra times cos(dec)."), (a, r) -> appendFloat(a, r.raErrorMas)));
        list.add(new Column(ColumnDoc.of("dec_error", ColumnType.FLOAT, "mas", "stat.error;pos.eq.dec",
                "Standard error of dec."), (a, r) -> appendFloat(a, r.decErrorMas)));
        list.add(new Column(ColumnDoc.of("parallax", ColumnType.DOUBLE, "mas", "pos.parallax.trig",
                "Trigonometric parallax; can be negative for distant sources."), (a, r) -> a.append(r.parallaxMas)));
        list.add(new Column(ColumnDoc.of("parallax_error", ColumnType.FLOAT, "mas", "stat.error;pos.parallax.trig",
                "Standard error of parallax."), (a, r) -> appendFloat(a, r.parallaxErrorMas)));
        list.add(new Column(ColumnDoc.of("pmra", ColumnType.DOUBLE, "mas/yr", "pos.pm;pos.eq.ra",
                "Proper motion in right ascension, times cos(dec)."), (a, r) -> a.append(r.pmraMasPerYear)));
        list.add(new Column(ColumnDoc.of("pmra_error", ColumnType.FLOAT, "mas/yr", "stat.error;pos.pm;pos.eq.ra",
                "Standard error of pmra."), (a, r) -> appendFloat(a, r.pmraErrorMasPerYear)));
        list.add(new Column(ColumnDoc.of("pmdec", ColumnType.DOUBLE, "mas/yr", "pos.pm;pos.eq.dec",
                "Proper motion in declination."), (a, r) -> a.append(r.pmdecMasPerYear)));
        list.add(new Column(ColumnDoc.of("pmdec_error", ColumnType.FLOAT, "mas/yr", "stat.error;pos.pm;pos.eq.dec",
                "Standard error of pmdec."), (a, r) -> appendFloat(a, r.pmdecErrorMasPerYear)));
        list.add(new Column(ColumnDoc.of("ref_epoch", ColumnType.DOUBLE, "yr", "meta.ref;time.epoch",
                "Reference epoch of the positions, Julian year."), (a, r) -> a.append(survey.epochYear())));
    }

    private void addWide(List<Column> list) {
        list.add(new Column(ColumnDoc.of("sigra", ColumnType.FLOAT, "arcsec", "stat.error;pos.eq.ra",
                "One-sigma error of ra times cos(dec)."), (a, r) -> appendFloat(a, r.positionErrorArcsec)));
        list.add(new Column(ColumnDoc.of("sigdec", ColumnType.FLOAT, "arcsec", "stat.error;pos.eq.dec",
                "One-sigma error of dec."), (a, r) -> appendFloat(a, r.positionErrorArcsec)));
        list.add(new Column(ColumnDoc.of("coadd_id", ColumnType.STRING, "", "meta.id;obs.field",
                "Identifier of the atlas tile the source was measured on."), (a, r) -> a.append(r.tileId)));
        list.add(new Column(ColumnDoc.of("ext_flg", ColumnType.SHORT, "", "src.class.starGalaxy",
                "1 when the source is resolved (larger than the point-spread function), else 0."), (a, r) -> a.append(r.extended)));
        list.add(new Column(ColumnDoc.of("nb", ColumnType.SHORT, "", "meta.number",
                "Number of blend components measured as this row (1 when not blended)."), (a, r) -> a.append(r.blendCount)));
    }

    private void addBand(List<Column> list, int b) {
        SurveyBandSpec band = survey.bands().get(b);
        ColumnNaming naming = survey.naming();
        String em = band.truthBand().ucdBandWord();
        String magColumn = ColumnNaming.apply(naming.mag(), band);
        String statusColumn = naming.status(band);
        String bandName = band.name();
        list.add(new Column(ColumnDoc.of(magColumn, ColumnType.FLOAT, "mag", "phot.mag;" + em,
                "Magnitude in " + bandName + " (AB).")
                .withNullMeaning(StatusColumns.measurementNullMeaning(magColumn, bandName)).withBand(bandName),
                (a, r) -> appendFloat(a, r.mag[b])));
        list.add(new Column(ColumnDoc.of(ColumnNaming.apply(naming.magError(), band), ColumnType.FLOAT, "mag", "stat.error;phot.mag;" + em,
                "One-sigma error of the " + bandName + " magnitude.")
                .withNullMeaning("Not detected in " + bandName + ": see " + statusColumn + ".").withBand(bandName),
                (a, r) -> appendFloat(a, r.magError[b])));
        list.add(new Column(ColumnDoc.of(ColumnNaming.apply(naming.flux(), band), ColumnType.FLOAT, "uJy", "phot.flux.density;" + em,
                "Flux density in " + bandName + ", also measured (forced, possibly negative) when not detected.")
                .withNullMeaning("No measurement: masked or unobserved in " + bandName + ", see " + statusColumn + ".").withBand(bandName),
                (a, r) -> appendFloat(a, r.fluxMicroJansky[b])));
        list.add(new Column(ColumnDoc.of(ColumnNaming.apply(naming.fluxError(), band), ColumnType.FLOAT, "uJy",
                "stat.error;phot.flux.density;" + em, "One-sigma error of the " + bandName + " flux density.")
                .withNullMeaning("No measurement: masked or unobserved in " + bandName + ", see " + statusColumn + ".").withBand(bandName),
                (a, r) -> appendFloat(a, r.fluxErrorMicroJansky[b])));
        list.add(new Column(StatusColumns.statusDoc(magColumn, bandName, em), (a, r) -> a.append(r.status[b].word())));
        list.add(new Column(StatusColumns.limitDoc(magColumn, bandName, em), (a, r) -> appendFloat(a, r.limitMag[b])));
    }

    private static void appendFloat(DuckDBAppender appender, double value) throws SQLException {
        if (Double.isNaN(value)) {
            appender.appendNull();
        } else {
            appender.append((float) value);
        }
    }

    /** The published table: name, positional and id columns, documentation of every column. */
    CatalogTable table() {
        return new CatalogTable(survey.tableName(), survey.title() + ": one row per detected source.",
                "ra", "dec", survey.idColumn(), columns.stream().map(Column::doc).toList());
    }

    /** {@code CREATE TABLE} statement for a staging table with these columns. */
    String createTableSql(String tableName) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(tableName).append(" (");
        for (int c = 0; c < columns.size(); c++) {
            ColumnDoc doc = columns.get(c).doc();
            sql.append(c == 0 ? "" : ", ").append('"').append(doc.name()).append("\" ").append(doc.type().sqlType());
        }
        return sql.append(')').toString();
    }

    void append(DuckDBAppender appender, MeasuredRow row) throws SQLException {
        appender.beginRow();
        for (Column column : columns) {
            column.writer().write(appender, row);
        }
        appender.endRow();
    }
}
