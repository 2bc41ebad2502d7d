package org.skysieve.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which columns are band measurements that get {@code _status} and {@code _limit} companions, and how they are named. */
class StatusColumnsTest {
    @Test
    void magnitudesAreMeasurementsTheirErrorsLimitsFluxesAndFlagsAreNot() {
        assertThat(StatusColumns.isMeasurement(column("mag_r", ColumnType.FLOAT, "mag", "phot.mag;em.opt.R"))).isTrue();
        assertThat(StatusColumns.isMeasurement(column("rmag", ColumnType.DOUBLE, "mag", ""))).isTrue();
        assertThat(StatusColumns.isMeasurement(column("magerr_r", ColumnType.FLOAT, "mag", "stat.error;phot.mag;em.opt.R"))).isFalse();
        assertThat(StatusColumns.isMeasurement(StatusColumns.limitDoc("mag_r", "r", "em.opt.R"))).isFalse();
        assertThat(StatusColumns.isMeasurement(column("mag_r_limit", ColumnType.FLOAT, "mag", ""))).isFalse();
        assertThat(StatusColumns.isMeasurement(column("flux_r", ColumnType.FLOAT, "uJy", "phot.flux.density;em.opt.R"))).isFalse();
        assertThat(StatusColumns.isMeasurement(column("flags_r", ColumnType.INT, "", "meta.code.qual"))).isFalse();
        assertThat(StatusColumns.isMeasurement(ColumnDoc.of("mag", ColumnType.FLOAT, "mag", "phot.mag", "no band"))).isFalse();
        assertThat(StatusColumns.isMeasurement(StatusColumns.statusDoc("mag_r", "r", ""))).isFalse();
        assertThat(MissingStatus.isStatusColumn(StatusColumns.statusDoc("mag_r", "r", ""))).isTrue();
        assertThat(StatusColumns.statusName("phot_g_mean_mag")).isEqualTo("phot_g_mean_mag_status");
        assertThat(StatusColumns.limitName("w1mpro")).isEqualTo("w1mpro_limit");
    }

    private static ColumnDoc column(String name, ColumnType type, String unit, String ucd) {
        return ColumnDoc.of(name, type, unit, ucd, "test").withBand("r");
    }
}
