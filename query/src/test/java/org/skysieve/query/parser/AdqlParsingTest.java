package org.skysieve.query.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.skysieve.query.AdqlException;
import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.Identifier;
import org.skysieve.query.tree.Position;
import org.skysieve.query.tree.QueryExpression;
import org.skysieve.query.tree.SelectItem;
import org.skysieve.query.tree.SetExpression;
import org.skysieve.query.tree.TableReference;

class AdqlParsingTest {

    private static SetExpression.Select select(String adql) {
        return (SetExpression.Select) AdqlParsing.parse(adql).body();
    }

    @Test
    void selectKeepsItsPartsAndPositions() {
        SetExpression.Select select = select("SELECT DISTINCT TOP 5 ra AS a, t.\"Dec\"\nFROM survey.tab AS t\nWHERE ra > 1.5e1");
        assertThat(select.distinct()).isTrue();
        assertThat(select.top()).hasValue(5);
        SelectItem.DerivedColumn second = (SelectItem.DerivedColumn) select.items().get(1);
        Expression.ColumnReference column = (Expression.ColumnReference) second.value();
        assertThat(column.column()).isEqualTo(new Identifier("Dec", true));
        assertThat(column.qualifier()).containsExactly(Identifier.regular("t"));
        assertThat(second.position()).isEqualTo(new Position(1, 32));
        TableReference.NamedTable table = (TableReference.NamedTable) select.from().get(0);
        assertThat(table.name()).extracting(Identifier::name).containsExactly("survey", "tab");
        assertThat(table.position()).isEqualTo(new Position(2, 6));
        Expression.Binary where = (Expression.Binary) select.where().orElseThrow();
        assertThat(where.operator()).isEqualTo(BinaryOperator.GREATER);
        assertThat(where.position()).isEqualTo(new Position(3, 7));
    }

    @Test
    void keywordsAreCaseInsensitiveAndCommentsIgnored() {
        assertThat(AdqlParsing.parse("sElEcT x -- a comment\nfRoM t wHeRe x iLiKe 'a%'"))
                .isEqualTo(AdqlParsing.parse("SELECT x -- another comment\nFROM t WHERE x ILIKE 'a%'"));
    }

    @Test
    void operatorPrecedenceFollowsSql() {
        Expression.Binary or = (Expression.Binary) select("SELECT x FROM t WHERE a = 1 OR b = 2 AND NOT c = 3").where().orElseThrow();
        assertThat(or.operator()).isEqualTo(BinaryOperator.OR);
        assertThat(((Expression.Binary) or.right()).operator()).isEqualTo(BinaryOperator.AND);
        SelectItem.DerivedColumn item = (SelectItem.DerivedColumn) select("SELECT 1 + 2 * 3 FROM t").items().get(0);
        Expression.Binary sum = (Expression.Binary) item.value();
        assertThat(sum.operator()).isEqualTo(BinaryOperator.ADD);
        assertThat(((Expression.Binary) sum.right()).operator()).isEqualTo(BinaryOperator.MULTIPLY);
    }

    @Test
    void optionalFeaturesParse() {
        List<String> queries = List.of(
                "WITH a AS (SELECT x FROM t) SELECT x FROM a ORDER BY x DESC OFFSET 10",
                "SELECT x FROM t UNION ALL SELECT x FROM u INTERSECT SELECT x FROM v EXCEPT SELECT y FROM w",
                "SELECT flags & 0xFF, flags | 4, ~flags, flags ^ 1 FROM t WHERE (flags & 2) = 0",
                "SELECT CAST(x AS DOUBLE PRECISION), CAST(y AS VARCHAR(10)), COALESCE(a, b, 0) FROM t",
                "SELECT CASE WHEN x > 1 THEN 'big' ELSE 'small' END, CASE k WHEN 1 THEN 'one' END FROM t",
                "SELECT IN_UNIT(parallax, 'arcsec'), LOWER(name), UPPER(name) FROM t WHERE name NOT ILIKE '%x%'",
                "SELECT AREA(CIRCLE('ICRS', 1, 2, 3)), COORD1(POINT(1, 2)), COORD2(CENTROID(BOX(1, 2, 3, 4))),"
                        + " COORDSYS(POINT('ICRS', 1, 2)), DISTANCE(1, 2, 3, 4) FROM t"
                        + " WHERE 1 = INTERSECTS(POLYGON(1, 1, 2, 2, 3, 1), CIRCLE(POINT(ra, dec), 1))",
                "SELECT a.x FROM t AS a LEFT OUTER JOIN u AS b ON a.id = b.id FULL JOIN v USING (id) NATURAL JOIN w",
                "SELECT x FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.y = t.x) AND x IN (SELECT y FROM u)",
                "SELECT gavo_foo(x, 'a') FROM t",
                "SELECT COUNT(*), COUNT(DISTINCT x), MAX(y) FROM t GROUP BY z HAVING COUNT(*) > 1");
        for (String query : queries) {
            assertThat(AdqlParsing.parse(query)).as(query).isInstanceOf(QueryExpression.class);
        }
    }

    @Test
    void errorsSayWhereAndWhatWasExpected() {
        assertError("SELECT x FROM t WHERE", "error at 1:22: unexpected end of query; expected");
        assertError("SELECT x\nFROM t\nWHERE x = = 2", "error at 3:11: unexpected '='");
        assertError("SELECT FROM t", "error at 1:8: unexpected 'FROM'");
        assertError("SELECT x FROM t WHERE ABS(x, y) < 3", "error at 1:23: ABS takes 1 argument, not 2");
        assertError("SELECT DISTANCE(1, 2, 3) FROM t", "DISTANCE takes 2 arguments (two points) or 4");
        assertError("SELECT mag FROM %s", "error at 1:17: unexpected character '%'");
        assertError("SELECT 'open FROM t", "error at 1:8: a string literal is not closed");
        assertError("SELECT x FROM t; DROP TABLE t", "error at 1:16: unexpected ';': one query per request");
        assertError("SELECT * FROM (SELECT * FROM x)", "error at 1:32: unexpected end of query");
    }

    @Test
    void limitsStopDeepNestingAndHugeLiterals() {
        String deep = "SELECT " + "(".repeat(500) + "1" + ")".repeat(500) + " FROM t";
        assertError(deep, "nested deeper than");
        assertError("SELECT " + "9".repeat(100) + " FROM t", "at most 64 for a number");
        assertError("SELECT '" + "a".repeat(20_000) + "' FROM t", "at most 10000");
        assertError("SELECT TOP 99999999999999999999 x FROM t", "expected an integer below 2^63");
        assertError("SELECT x FROM t WHERE " + "x = 1 OR ".repeat(20_000) + "x = 2", "more than 1000 operators");
        assertError("SELECT " + "1 + ".repeat(5_000) + "1 FROM t", "more than 1000 operators");
        assertThat(AdqlParsing.parse("SELECT x FROM t WHERE " + "x = 1 OR ".repeat(900) + "x = 2")).isNotNull();
    }

    private static void assertError(String adql, String expectedMessagePart) {
        assertThatThrownBy(() -> AdqlParsing.parse(adql))
                .isInstanceOf(AdqlException.class)
                .hasMessageContaining(expectedMessagePart);
    }
}
