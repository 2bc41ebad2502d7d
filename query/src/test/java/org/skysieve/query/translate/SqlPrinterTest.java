package org.skysieve.query.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.skysieve.query.AdqlException;
import org.skysieve.query.check.Analyzer;
import org.skysieve.query.check.TableRegistry;
import org.skysieve.query.parser.AdqlParsing;

/** The printing rules: TOP → LIMIT, quoting, the function allow-list, operators DuckDB spells differently. */
class SqlPrinterTest {
    private static final TableRegistry TABLES = TableRegistry.of(List.of(RewriteRulesTest.SURVEY));

    private static String sql(String adql) {
        return Translation.toDuckDb(Analyzer.analyze(AdqlParsing.parse(adql), TABLES), TABLES).sql();
    }

    @Test
    void topBecomesLimitAfterOrderByAndBeforeOffset() {
        assertThat(sql("SELECT TOP 5 id FROM survey.objects ORDER BY ra DESC OFFSET 2"))
                .isEqualTo("SELECT \"objects\".\"id\" AS \"id\" FROM read_parquet('/nonexistent/objects.parquet') AS \"objects\""
                        + " ORDER BY \"objects\".\"ra\" DESC LIMIT 5 OFFSET 2");
        assertThat(sql("SELECT id FROM survey.objects")).doesNotContain("LIMIT");
    }

    @Test
    void topInsideASetOperationLimitsItsOwnBranch() {
        assertThat(sql("SELECT TOP 3 id FROM survey.objects UNION ALL SELECT TOP 4 id FROM survey.objects AS o"))
                .matches("\\(\\(SELECT .* LIMIT 3\\) UNION ALL \\(SELECT .* LIMIT 4\\)\\)");
    }

    @Test
    void identifiersAreQuotedWithQuotesDoubled() {
        assertThat(sql("SELECT id AS \"a\"\"b\" FROM survey.objects AS \"my \"\"t\"")).contains("AS \"a\"\"b\"")
                .contains("AS \"my \"\"t\"").contains("\"my \"\"t\".\"id\"");
    }

    @Test
    void operatorsAndLiteralsInDuckDbSpelling() {
        assertThat(sql("SELECT id ^ 0xFF, MOD(id, 3), TRUNCATE(ra, 2), LOG(ra) FROM survey.objects"))
                .contains("xor(\"objects\".\"id\", 255)").contains("(\"objects\".\"id\" % 3)").contains("trunc(")
                .contains("ln(\"objects\".\"ra\")");
        assertThat(sql("SELECT 'it''s' FROM survey.objects")).contains("'it''s'");
    }

    @Test
    void geometryLeftAfterTheRulesIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> sql("SELECT id FROM survey.objects WHERE 1 = CONTAINS(POINT(ra, dec), REGION('Position 1 2'))"))
                .isInstanceOf(AdqlException.class).hasMessageStartingWith("error at 1:41: CONTAINS is evaluated here between a POINT");
        assertThatThrownBy(() -> sql("SELECT BOX(ra, dec, 1, 1) FROM survey.objects")).isInstanceOf(AdqlException.class)
                .hasMessageStartingWith("error at 1:12: BOX centre must be a constant number here");
        assertThat(sql("SELECT CENTROID(CIRCLE(1, 2, 3)) FROM survey.objects")).contains("[CAST(1.0 AS DOUBLE), CAST(2 AS DOUBLE)]");
        assertThatThrownBy(() -> sql("SELECT CAST(id AS POINT) FROM survey.objects")).isInstanceOf(AdqlException.class)
                .hasMessageContaining("CAST to POINT is not offered");
    }
}
