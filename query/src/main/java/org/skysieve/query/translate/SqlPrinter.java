package org.skysieve.query.translate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.hats.HatsPartition;
import org.skysieve.query.AdqlException;
import org.skysieve.query.check.TableDescription;
import org.skysieve.query.check.TableRegistry;
import org.skysieve.query.check.TableSource;
import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.QueryExpression;
import org.skysieve.query.tree.SelectItem;
import org.skysieve.query.tree.SetExpression;
import org.skysieve.query.tree.TableReference;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * Prints a rewritten tree as DuckDB SQL. Safety by construction: identifiers always go through
 * {@link SqlText#identifier} (quotes doubled), strings through {@link SqlText#literal}, numbers are re-printed from
 * their parsed value, functions come from {@link FunctionMapping}'s allow-list, and tables become
 * {@code read_parquet([...])} of file paths taken from the registry (or the name of the table's copy in memory, also from
 * the registry), never from the query text. TOP n becomes
 * LIMIT n (after ORDER BY, with OFFSET, as ADQL orders them). Every operation is parenthesised. One per query.
 */
final class SqlPrinter {
    private final TableRegistry registry;
    private final Map<TableReference.NamedTable, HealpixRanges> pruning;
    private final QueryParameters parameters;
    private final List<Path> filesRead = new ArrayList<>();

    SqlPrinter(TableRegistry registry, Map<TableReference.NamedTable, HealpixRanges> pruning) {
        this(registry, pruning, QueryParameters.none());
    }

    SqlPrinter(TableRegistry registry, Map<TableReference.NamedTable, HealpixRanges> pruning, QueryParameters parameters) {
        this.registry = registry;
        this.pruning = pruning;
        this.parameters = parameters;
    }

    List<Path> filesRead() {
        return List.copyOf(filesRead);
    }

    String query(QueryExpression query) {
        StringBuilder sql = new StringBuilder();
        if (!query.with().isEmpty()) {
            sql.append("WITH ");
            List<String> tables = new ArrayList<>();
            for (QueryExpression.CommonTable common : query.with()) {
                tables.add(SqlText.identifier(common.name().name()) + " AS (" + query(common.query()) + ")");
            }
            sql.append(String.join(", ", tables)).append(' ');
        }
        SetExpression body = query.body();
        long limit = -1;
        if (body instanceof SetExpression.Select select) {
            sql.append(select(select, false));
            limit = select.top().orElse(-1);
        } else {
            sql.append(setOperand(body));
        }
        if (!query.orderBy().isEmpty()) {
            sql.append(" ORDER BY ").append(query.orderBy().stream()
                    .map(o -> expression(o.value()) + (o.descending() ? " DESC" : " ASC"))
                    .collect(Collectors.joining(", ")));
        }
        if (limit >= 0) {
            sql.append(" LIMIT ").append(limit);
        }
        query.offset().ifPresent(offset -> sql.append(" OFFSET ").append(offset));
        return sql.toString();
    }

    private String setOperand(SetExpression body) {
        if (body instanceof SetExpression.Select select) {
            return "(" + select(select, true) + ")";
        }
        if (body instanceof SetExpression.Nested nested) {
            return "(" + query(nested.query()) + ")";
        }
        SetExpression.SetOperation operation = (SetExpression.SetOperation) body;
        return "(" + setOperand(operation.left()) + " " + operation.operator().name() + (operation.all() ? " ALL " : " ")
                + setOperand(operation.right()) + ")";
    }

    private String select(SetExpression.Select select, boolean withLimit) {
        StringBuilder sql = new StringBuilder("SELECT ");
        if (select.distinct()) {
            sql.append("DISTINCT ");
        }
        List<String> items = new ArrayList<>();
        for (SelectItem item : select.items()) {
            SelectItem.DerivedColumn derived = (SelectItem.DerivedColumn) item; // the checker expanded every *
            items.add(expression(derived.value()) + derived.alias().map(a -> " AS " + SqlText.identifier(a.name())).orElse(""));
        }
        sql.append(String.join(", ", items));
        sql.append(" FROM ").append(select.from().stream().map(this::tableReference).collect(Collectors.joining(", ")));
        select.where().ifPresent(where -> sql.append(" WHERE ").append(expression(where)));
        if (!select.groupBy().isEmpty()) {
            sql.append(" GROUP BY ").append(select.groupBy().stream().map(this::expression).collect(Collectors.joining(", ")));
        }
        select.having().ifPresent(having -> sql.append(" HAVING ").append(expression(having)));
        if (withLimit && select.top().isPresent()) {
            sql.append(" LIMIT ").append(select.top().getAsLong());
        }
        return sql.toString();
    }

    private String tableReference(TableReference reference) {
        if (reference instanceof TableReference.NamedTable named) {
            String alias = " AS " + SqlText.identifier(named.exposedName().name());
            if (named.name().size() == 1) {
                return SqlText.identifier(named.name().get(0).name()) + alias;
            }
            TableDescription table = registry.find(named.name()).get(0);
            return source(table, named) + alias;
        }
        if (reference instanceof TableReference.DerivedTable derived) {
            return "(" + query(derived.query()) + ") AS " + SqlText.identifier(derived.alias().name());
        }
        TableReference.Join join = (TableReference.Join) reference;
        String left = tableReference(join.left());
        String right = tableReference(join.right());
        boolean hasCondition = join.on().isPresent() || !join.using().isEmpty() || join.natural();
        String kind = switch (join.kind()) {
            case INNER -> hasCondition ? "INNER JOIN" : "CROSS JOIN";
            case LEFT -> "LEFT OUTER JOIN";
            case RIGHT -> "RIGHT OUTER JOIN";
            case FULL -> "FULL OUTER JOIN";
        };
        StringBuilder sql = new StringBuilder("(").append(left).append(' ');
        if (join.natural()) {
            sql.append("NATURAL ");
        }
        sql.append(kind).append(' ').append(right);
        if (join.on().isPresent()) {
            sql.append(" ON ").append(expression(join.on().get()));
        } else if (!join.using().isEmpty()) {
            sql.append(" USING (").append(join.using().stream().map(u -> SqlText.identifier(u.name()))
                    .collect(Collectors.joining(", "))).append(')');
        } else if (!join.natural() && join.kind() != TableReference.JoinKind.INNER) {
            sql.append(" ON TRUE");
        }
        return sql.append(')').toString();
    }

    private String source(TableDescription table, TableReference.NamedTable named) {
        if (table.source() instanceof TableSource.ParquetFile file) {
            filesRead.add(file.file());
            return "read_parquet(" + SqlText.literal(file.file().toString()) + ")";
        }
        TableSource.Hats hats = (TableSource.Hats) table.source();
        if (hats.memoryTable().isPresent()) {
            // every row, sorted on the HEALPix index: the range conditions of the WHERE clause skip row groups by their zone maps
            return hats.memoryTable().get();
        }
        HatsCatalog catalogue = hats.catalogue();
        HealpixRanges ranges = pruning.get(named);
        List<HatsPartition> partitions = catalogue.partitions();
        if (ranges != null) {
            List<HatsPartition> overlapping = partitions.stream()
                    .filter(p -> ranges.intersectsCell(p.order(), p.npix())).toList();
            // read_parquet needs at least one file; the WHERE clause then keeps none of its rows
            partitions = overlapping.isEmpty() ? partitions.subList(0, 1) : overlapping;
        }
        partitions.forEach(p -> filesRead.addAll(p.files()));
        return "read_parquet(" + HatsCatalog.duckDbFileList(partitions) + ", hive_partitioning = false)";
    }

    String expression(Expression expression) {
        if (expression instanceof Expression.ColumnReference reference) {
            return reference.parts().stream().map(p -> SqlText.identifier(p.name())).collect(Collectors.joining("."));
        }
        if (expression instanceof Expression.NumberLiteral number) {
            String parameter = parameters.print(number);
            return parameter != null ? parameter : number(number);
        }
        if (expression instanceof Expression.StringLiteral string) {
            if (string.value().indexOf('\0') >= 0) {
                throw new AdqlException(AdqlException.Kind.SYNTAX, string.position(), "a string literal contains a NUL character");
            }
            return SqlText.literal(string.value());
        }
        if (expression instanceof Expression.BooleanLiteral bool) {
            return bool.value() ? "TRUE" : "FALSE";
        }
        if (expression instanceof Expression.NullLiteral) {
            return "NULL";
        }
        if (expression instanceof Expression.Unary unary) {
            String operator = switch (unary.operator()) {
                case PLUS -> "+";
                case MINUS -> "-";
                case BITWISE_NOT -> "~";
            };
            return "(" + operator + " " + expression(unary.operand()) + ")";
        }
        if (expression instanceof Expression.Binary binary) {
            if (binary.operator() == Expression.BinaryOperator.BITWISE_XOR) {
                return "xor(" + expression(binary.left()) + ", " + expression(binary.right()) + ")";
            }
            return "(" + expression(binary.left()) + " " + binary.operator().symbol() + " " + expression(binary.right()) + ")";
        }
        if (expression instanceof Expression.Not not) {
            return "(NOT " + expression(not.operand()) + ")";
        }
        if (expression instanceof Expression.Between between) {
            return "(" + expression(between.value()) + (between.negated() ? " NOT" : "") + " BETWEEN " + expression(between.low())
                    + " AND " + expression(between.high()) + ")";
        }
        if (expression instanceof Expression.InList in) {
            return "(" + expression(in.value()) + (in.negated() ? " NOT IN (" : " IN (")
                    + in.candidates().stream().map(this::expression).collect(Collectors.joining(", ")) + "))";
        }
        if (expression instanceof Expression.InSubquery in) {
            return "(" + expression(in.value()) + (in.negated() ? " NOT IN (" : " IN (") + query(in.subquery()) + "))";
        }
        if (expression instanceof Expression.Like like) {
            return "(" + expression(like.value()) + (like.negated() ? " NOT" : "") + (like.caseInsensitive() ? " ILIKE " : " LIKE ")
                    + expression(like.pattern()) + ")";
        }
        if (expression instanceof Expression.IsNull isNull) {
            return "(" + expression(isNull.value()) + (isNull.negated() ? " IS NOT NULL)" : " IS NULL)");
        }
        if (expression instanceof Expression.Exists exists) {
            return "(EXISTS (" + query(exists.subquery()) + "))";
        }
        if (expression instanceof Expression.FunctionCall call) {
            FunctionMapping.requireAllowed(call);
            return FunctionMapping.render(call, call.arguments().stream().map(this::expression).toList(), registry.statusBands());
        }
        if (expression instanceof Expression.Cast cast) {
            return "CAST(" + expression(cast.value()) + " AS " + castType(cast) + ")";
        }
        Expression.Case caseExpression = (Expression.Case) expression;
        StringBuilder sql = new StringBuilder("(CASE");
        caseExpression.operand().ifPresent(operand -> sql.append(' ').append(expression(operand)));
        for (Expression.When when : caseExpression.whens()) {
            sql.append(" WHEN ").append(expression(when.condition())).append(" THEN ").append(expression(when.result()));
        }
        caseExpression.otherwise().ifPresent(otherwise -> sql.append(" ELSE ").append(expression(otherwise)));
        return sql.append(" END)").toString();
    }

    /** Re-printed from the parsed value: only digits, a point, an exponent and a sign reach the SQL. */
    private static String number(Expression.NumberLiteral number) {
        String text = number.text().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("0x")) {
                return Long.toString(Long.parseUnsignedLong(text.substring(2), 16));
            }
            if (number.integer()) {
                return new java.math.BigInteger(text).toString();
            }
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException("not finite");
            }
            return Double.toString(value);
        } catch (NumberFormatException e) {
            throw new AdqlException(AdqlException.Kind.LIMIT, number.position(), "the number " + number.text() + " is out of range");
        }
    }

    private static String castType(Expression.Cast cast) {
        String type = cast.type();
        if (type.startsWith("CHAR") || type.startsWith("VARCHAR")) {
            return "VARCHAR";
        }
        return switch (type) {
            case "SMALLINT", "INTEGER", "BIGINT", "REAL", "TIMESTAMP" -> type;
            case "DOUBLE PRECISION" -> "DOUBLE";
            default -> throw new AdqlException(AdqlException.Kind.UNSUPPORTED, cast.position(), "CAST to " + type
                    + " is not offered; expected CHAR, VARCHAR, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE PRECISION or TIMESTAMP");
        };
    }
}
