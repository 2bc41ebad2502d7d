package org.skysieve.query.check;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.query.AdqlException;
import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Identifier;
import org.skysieve.query.tree.Position;
import org.skysieve.query.tree.QueryExpression;
import org.skysieve.query.tree.SelectItem;
import org.skysieve.query.tree.SetExpression;
import org.skysieve.query.tree.TableReference;

/**
 * Checks a parsed query against a {@link TableRegistry}: unknown tables, columns and functions and ambiguous columns
 * are {@link AdqlException}s with the position of the name; the result is the resolved tree and the documentation
 * of the result columns (a selected catalogue column keeps its {@link ColumnDoc}; an expression gets a derived type).
 * One instance per query (it keeps the documentation of resolved references); not thread-safe.
 */
public final class Analyzer {
    private final TableRegistry registry;
    private final Map<Expression, ColumnDoc> documentation = new IdentityHashMap<>();

    private Analyzer(TableRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    public static AnalyzedQuery analyze(QueryExpression query, TableRegistry registry) {
        Analyzer analyzer = new Analyzer(registry);
        Result result = analyzer.query(query, null, List.of());
        return new AnalyzedQuery(result.query(), result.columns());
    }

    private record Result(QueryExpression query, List<ColumnDoc> columns) {
    }

    /** A FROM item as the rest of the SELECT sees it. */
    private record Relation(String exposedName, Optional<String> schema, List<ColumnDoc> columns) {
    }

    /** A common table expression visible to a query. */
    private record CommonTableColumns(String name, List<ColumnDoc> columns) {
    }

    private static final class Scope {
        final Scope parent;
        final List<Relation> relations = new ArrayList<>();
        final List<ColumnDoc> outputAliases = new ArrayList<>();
        /** Columns merged by USING or NATURAL joins (lower case): unqualified, they name one column. */
        final java.util.Set<String> mergedColumns = new java.util.HashSet<>();

        Scope(Scope parent) {
            this.parent = parent;
        }
    }

    private Result query(QueryExpression query, Scope outer, List<CommonTableColumns> visibleTables) {
        List<CommonTableColumns> tables = new ArrayList<>(visibleTables);
        List<QueryExpression.CommonTable> with = new ArrayList<>();
        for (QueryExpression.CommonTable common : query.with()) {
            Result result = query(common.query(), null, tables);
            tables.add(0, new CommonTableColumns(common.name().name(), result.columns()));
            with.add(new QueryExpression.CommonTable(common.position(), common.name(), result.query()));
        }
        BodyResult body = body(query.body(), outer, tables);
        List<QueryExpression.OrderItem> orderBy = new ArrayList<>();
        for (QueryExpression.OrderItem item : query.orderBy()) {
            orderBy.add(new QueryExpression.OrderItem(orderTerm(item.value(), body), item.descending()));
        }
        return new Result(new QueryExpression(query.position(), with, body.expression(), orderBy, query.offset()), body.columns());
    }

    private record BodyResult(SetExpression expression, List<ColumnDoc> columns, Optional<Scope> scope) {
    }

    private BodyResult body(SetExpression body, Scope outer, List<CommonTableColumns> tables) {
        if (body instanceof SetExpression.Select select) {
            return select(select, outer, tables);
        }
        if (body instanceof SetExpression.Nested nested) {
            Result result = query(nested.query(), outer, tables);
            return new BodyResult(new SetExpression.Nested(nested.position(), result.query()), result.columns(), Optional.empty());
        }
        SetExpression.SetOperation operation = (SetExpression.SetOperation) body;
        BodyResult left = body(operation.left(), outer, tables);
        BodyResult right = body(operation.right(), outer, tables);
        if (left.columns().size() != right.columns().size()) {
            throw new AdqlException(AdqlException.Kind.SYNTAX, operation.right().position(),
                    operation.operator() + " needs the same number of columns on both sides; the left has "
                            + left.columns().size() + ", the right " + right.columns().size());
        }
        return new BodyResult(new SetExpression.SetOperation(operation.position(), operation.operator(), operation.all(),
                left.expression(), right.expression()), left.columns(), Optional.empty());
    }

    private BodyResult select(SetExpression.Select select, Scope outer, List<CommonTableColumns> tables) {
        Scope scope = new Scope(outer);
        List<TableReference> from = new ArrayList<>();
        for (TableReference reference : select.from()) {
            from.add(tableReference(reference, scope, outer, tables));
        }
        checkDistinctExposedNames(scope, select.position());
        List<SelectItem> items = new ArrayList<>();
        List<ColumnDoc> columns = new ArrayList<>();
        List<SelectItem> written = select.items().isEmpty()
                ? List.of(new SelectItem.AllColumnsOf(select.position(), List.of()))
                : select.items();
        for (SelectItem item : written) {
            if (item instanceof SelectItem.AllColumnsOf all) {
                for (Relation relation : relationsFor(all, scope)) {
                    for (ColumnDoc column : relation.columns()) {
                        Expression.ColumnReference reference = columnOf(all.position(), relation, column);
                        items.add(new SelectItem.DerivedColumn(all.position(), reference, Optional.of(new Identifier(column.name(), true))));
                        columns.add(column);
                    }
                }
                continue;
            }
            SelectItem.DerivedColumn derived = (SelectItem.DerivedColumn) item;
            Expression value = expression(derived.value(), scope, tables, false);
            String name = derived.alias().map(Identifier::name).orElseGet(() -> defaultName(derived.value(), columns.size()));
            ColumnDoc doc = describe(value, name);
            items.add(new SelectItem.DerivedColumn(derived.position(), value, Optional.of(new Identifier(name, true))));
            columns.add(doc);
        }
        scope.outputAliases.addAll(columns);
        Optional<Expression> where = select.where().map(e -> expression(e, scope, tables, false));
        List<Expression> groupBy = select.groupBy().stream().map(e -> expression(e, scope, tables, true)).toList();
        Optional<Expression> having = select.having().map(e -> expression(e, scope, tables, true));
        SetExpression.Select resolved = new SetExpression.Select(select.position(), select.distinct(), select.top(), items,
                from, where, groupBy, having);
        return new BodyResult(resolved, columns, Optional.of(scope));
    }

    private static void checkDistinctExposedNames(Scope scope, Position position) {
        for (int i = 0; i < scope.relations.size(); i++) {
            for (int j = i + 1; j < scope.relations.size(); j++) {
                if (scope.relations.get(i).exposedName().equalsIgnoreCase(scope.relations.get(j).exposedName())) {
                    throw new AdqlException(AdqlException.Kind.AMBIGUOUS_NAME, position, "the FROM clause names "
                            + scope.relations.get(i).exposedName() + " twice; give one of them an alias (AS name)");
                }
            }
        }
    }

    private List<Relation> relationsFor(SelectItem.AllColumnsOf all, Scope scope) {
        if (all.qualifier().isEmpty()) {
            return scope.relations;
        }
        List<Relation> matching = scope.relations.stream().filter(r -> qualifierMatches(all.qualifier(), r)).toList();
        if (matching.isEmpty()) {
            throw new AdqlException(AdqlException.Kind.UNKNOWN_NAME, all.position(), "no table " + dotted(all.qualifier())
                    + " in the FROM clause; expected one of " + exposedNames(scope));
        }
        return matching;
    }

    private TableReference tableReference(TableReference reference, Scope scope, Scope outer, List<CommonTableColumns> tables) {
        if (reference instanceof TableReference.NamedTable named) {
            if (named.name().size() == 1) {
                Identifier name = named.name().get(0);
                Optional<CommonTableColumns> common = tables.stream().filter(t -> name.matches(t.name())).findFirst();
                if (common.isPresent()) {
                    String exposed = named.alias().map(Identifier::name).orElse(common.get().name());
                    scope.relations.add(new Relation(exposed, Optional.empty(), common.get().columns()));
                    return new TableReference.NamedTable(named.position(), List.of(new Identifier(common.get().name(), true)),
                            Optional.of(new Identifier(exposed, true)));
                }
            }
            TableDescription table = table(named);
            String exposed = named.alias().map(Identifier::name).orElse(table.name());
            scope.relations.add(new Relation(exposed, named.alias().isPresent() ? Optional.empty() : Optional.of(table.schema()),
                    table.columns()));
            return new TableReference.NamedTable(named.position(),
                    List.of(new Identifier(table.schema(), true), new Identifier(table.name(), true)),
                    Optional.of(new Identifier(exposed, true)));
        }
        if (reference instanceof TableReference.DerivedTable derived) {
            Result result = query(derived.query(), outer, tables);
            scope.relations.add(new Relation(derived.alias().name(), Optional.empty(), result.columns()));
            return new TableReference.DerivedTable(derived.position(), result.query(), new Identifier(derived.alias().name(), true));
        }
        TableReference.Join join = (TableReference.Join) reference;
        int leftStart = scope.relations.size();
        TableReference left = tableReference(join.left(), scope, outer, tables);
        int rightStart = scope.relations.size();
        TableReference right = tableReference(join.right(), scope, outer, tables);
        List<Relation> leftRelations = List.copyOf(scope.relations.subList(leftStart, rightStart));
        List<Relation> rightRelations = List.copyOf(scope.relations.subList(rightStart, scope.relations.size()));
        List<Identifier> usingColumns = join.using();
        if (join.natural()) {
            // NATURAL joins on the documented columns the two sides share (never on hidden ones such as _healpix_29)
            usingColumns = sharedColumns(leftRelations, rightRelations).stream().map(name -> new Identifier(name, true)).toList();
        }
        for (Identifier column : usingColumns) {
            boolean onLeft = leftRelations.stream().anyMatch(r -> r.columns().stream().anyMatch(c -> column.matches(c.name())));
            boolean onRight = rightRelations.stream().anyMatch(r -> r.columns().stream().anyMatch(c -> column.matches(c.name())));
            if (!onLeft || !onRight) {
                throw new AdqlException(AdqlException.Kind.UNKNOWN_NAME, join.position(),
                        "USING (" + column.name() + ") needs a column of that name on both sides of the join");
            }
            scope.mergedColumns.add(column.folded());
        }
        Optional<Expression> on = join.on().map(e -> expression(e, scope, tables, false));
        List<Identifier> using = usingColumns.stream().map(u -> new Identifier(canonicalColumnName(u, scope), true)).toList();
        if (join.natural() && using.isEmpty()) {
            return new TableReference.Join(join.position(), join.kind(), false, left, right,
                    Optional.of(new Expression.BooleanLiteral(join.position(), true)), List.of());
        }
        return new TableReference.Join(join.position(), join.kind(), false, left, right, on, using);
    }

    /** Column names (as on the left) that both sides have, in left order. */
    private static List<String> sharedColumns(List<Relation> left, List<Relation> right) {
        List<String> shared = new ArrayList<>();
        for (Relation relation : left) {
            for (ColumnDoc column : relation.columns()) {
                boolean onRight = right.stream().anyMatch(r -> r.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(column.name())));
                if (onRight && shared.stream().noneMatch(name -> name.equalsIgnoreCase(column.name()))) {
                    shared.add(column.name());
                }
            }
        }
        return shared;
    }

    private static String canonicalColumnName(Identifier column, Scope scope) {
        return scope.relations.stream().flatMap(r -> r.columns().stream()).filter(c -> column.matches(c.name()))
                .map(ColumnDoc::name).findFirst().orElse(column.name());
    }

    private TableDescription table(TableReference.NamedTable named) {
        List<TableDescription> found = registry.find(named.name());
        if (found.size() == 1 && named.name().size() <= 2) {
            return found.get(0);
        }
        if (found.size() > 1) {
            throw new AdqlException(AdqlException.Kind.AMBIGUOUS_NAME, named.position(), "table " + dotted(named.name())
                    + " is in several schemas: " + found.stream().map(TableDescription::qualifiedName).toList()
                    + "; qualify it with its schema");
        }
        List<String> known = registry.tables().stream().map(TableDescription::qualifiedName).sorted().toList();
        throw new AdqlException(AdqlException.Kind.UNKNOWN_NAME, named.position(), "unknown table " + dotted(named.name())
                + "; expected one of " + (known.size() > 20 ? known.subList(0, 20) + "..." : known));
    }

    private Expression orderTerm(Expression value, BodyResult body) {
        if (value instanceof Expression.NumberLiteral number && number.integer()) {
            long index = Long.parseLong(number.text());
            if (index < 1 || index > body.columns().size()) {
                throw new AdqlException(AdqlException.Kind.UNKNOWN_NAME, number.position(), "ORDER BY " + index
                        + " names no column; the query has " + body.columns().size());
            }
            return value;
        }
        if (body.scope().isPresent()) {
            return expression(value, body.scope().get(), List.of(), true);
        }
        if (value instanceof Expression.ColumnReference reference && reference.qualifier().isEmpty()
                && body.columns().stream().anyMatch(c -> reference.column().matches(c.name()))) {
            return value;
        }
        throw new AdqlException(AdqlException.Kind.UNKNOWN_NAME, value.position(),
                "ORDER BY after a set operation takes a result column name or number; expected one of "
                        + body.columns().stream().map(ColumnDoc::name).toList());
    }

    private Expression expression(Expression expression, Scope scope, List<CommonTableColumns> tables, boolean aliasesVisible) {
        return new ExpressionResolver(this, scope, tables, aliasesVisible).resolve(expression);
    }

    /** Resolves the names inside one expression of one SELECT. */
    private static final class ExpressionResolver {
        private final Analyzer analyzer;
        private final Scope scope;
        private final List<CommonTableColumns> tables;
        private final boolean aliasesVisible;

        ExpressionResolver(Analyzer analyzer, Scope scope, List<CommonTableColumns> tables, boolean aliasesVisible) {
            this.analyzer = analyzer;
            this.scope = scope;
            this.tables = tables;
            this.aliasesVisible = aliasesVisible;
        }

        Expression resolve(Expression expression) {
            if (expression instanceof Expression.ColumnReference reference) {
                return analyzer.column(reference, scope, aliasesVisible);
            }
            if (expression instanceof Expression.Unary unary) {
                return new Expression.Unary(unary.position(), unary.operator(), resolve(unary.operand()));
            }
            if (expression instanceof Expression.Binary binary) {
                return new Expression.Binary(binary.position(), binary.operator(), resolve(binary.left()), resolve(binary.right()));
            }
            if (expression instanceof Expression.Not not) {
                return new Expression.Not(not.position(), resolve(not.operand()));
            }
            if (expression instanceof Expression.Between between) {
                return new Expression.Between(between.position(), resolve(between.value()), resolve(between.low()),
                        resolve(between.high()), between.negated());
            }
            if (expression instanceof Expression.InList in) {
                return new Expression.InList(in.position(), resolve(in.value()), in.candidates().stream().map(this::resolve).toList(),
                        in.negated());
            }
            if (expression instanceof Expression.InSubquery in) {
                return new Expression.InSubquery(in.position(), resolve(in.value()), subquery(in.subquery()), in.negated());
            }
            if (expression instanceof Expression.Like like) {
                return new Expression.Like(like.position(), resolve(like.value()), resolve(like.pattern()), like.negated(),
                        like.caseInsensitive());
            }
            if (expression instanceof Expression.IsNull isNull) {
                return new Expression.IsNull(isNull.position(), resolve(isNull.value()), isNull.negated());
            }
            if (expression instanceof Expression.Exists exists) {
                return new Expression.Exists(exists.position(), subquery(exists.subquery()));
            }
            if (expression instanceof Expression.FunctionCall call) {
                return function(call);
            }
            if (expression instanceof Expression.Cast cast) {
                return new Expression.Cast(cast.position(), resolve(cast.value()), cast.type());
            }
            if (expression instanceof Expression.Case caseExpression) {
                return new Expression.Case(caseExpression.position(), caseExpression.operand().map(this::resolve),
                        caseExpression.whens().stream().map(w -> new Expression.When(resolve(w.condition()), resolve(w.result()))).toList(),
                        caseExpression.otherwise().map(this::resolve));
            }
            return expression; // literals
        }

        private QueryExpression subquery(QueryExpression query) {
            return analyzer.query(query, scope, tables).query();
        }

        private Expression function(Expression.FunctionCall call) {
            if (!FunctionCatalog.isKnown(call.name())) {
                throw new AdqlException(AdqlException.Kind.UNKNOWN_NAME, call.position(), "unknown function " + call.name()
                        + "; this service offers " + String.join(", ", FunctionCatalog.names()));
            }
            Expression.FunctionCall resolved = new Expression.FunctionCall(call.position(), call.name(),
                    call.arguments().stream().map(this::resolve).toList(), call.distinct(), call.star());
            if (resolved.name().equals("COORD1") || resolved.name().equals("COORD2")) {
                ColumnType argument = new TypeDerivation(analyzer.documentation).typeOf(resolved.arguments().get(0));
                if (argument != ColumnType.POINT) {
                    throw new AdqlException(AdqlException.Kind.UNSUPPORTED, resolved.arguments().get(0).position(),
                            resolved.name() + " takes a POINT; got a " + argument.name().toLowerCase(Locale.ROOT) + " value");
                }
            }
            if (StatusFunctions.isStatusFunction(resolved.name())) {
                analyzer.documentation.put(resolved, StatusFunctions.check(resolved, analyzer.registry.statusBands()));
            }
            return resolved.name().equals("IN_UNIT") ? analyzer.inUnit(resolved) : resolved;
        }
    }

    /** IN_UNIT(column, 'unit') → column * factor, documented with the new unit. */
    private Expression inUnit(Expression.FunctionCall call) {
        Expression value = call.arguments().get(0);
        if (!(call.arguments().get(1) instanceof Expression.StringLiteral target)) {
            throw new AdqlException(AdqlException.Kind.SYNTAX, call.arguments().get(1).position(),
                    "IN_UNIT takes the target unit as a 'string'");
        }
        ColumnDoc source = documentation.get(value);
        if (source == null || source.unit().isEmpty()) {
            throw new AdqlException(AdqlException.Kind.UNSUPPORTED, value.position(),
                    "IN_UNIT needs a value of known unit here: a column with a documented unit");
        }
        var factor = UnitConversion.factor(source.unit(), target.value());
        if (factor.isEmpty()) {
            throw new AdqlException(AdqlException.Kind.UNSUPPORTED, target.position(), "cannot convert " + source.unit() + " to "
                    + target.value() + " (different dimensions, or a unit this service does not know)");
        }
        Expression converted = new Expression.Binary(call.position(), Expression.BinaryOperator.MULTIPLY, value,
                new Expression.NumberLiteral(Position.SYNTHETIC, Double.toString(factor.getAsDouble()), false));
        documentation.put(converted, ColumnDoc.of(source.name(), ColumnType.DOUBLE, target.value(), source.ucd(), source.description()));
        return converted;
    }

    private Expression column(Expression.ColumnReference reference, Scope scope, boolean aliasesVisible) {
        Identifier name = reference.column();
        List<Identifier> qualifier = reference.qualifier();
        for (Scope current = scope; current != null; current = current.parent) {
            List<Expression.ColumnReference> matches = new ArrayList<>();
            List<ColumnDoc> docs = new ArrayList<>();
            for (Relation relation : current.relations) {
                if (!qualifier.isEmpty() && !qualifierMatches(qualifier, relation)) {
                    continue;
                }
                for (ColumnDoc column : relation.columns()) {
                    if (name.matches(column.name())) {
                        matches.add(columnOf(reference.position(), relation, column));
                        docs.add(column);
                    }
                }
            }
            if (matches.size() > 1 && !(qualifier.isEmpty() && current.mergedColumns.contains(name.folded()))) {
                throw new AdqlException(AdqlException.Kind.AMBIGUOUS_NAME, reference.position(), "column " + name.name()
                        + " is in several tables of the FROM clause; qualify it, e.g. "
                        + ((Expression.ColumnReference) matches.get(0)).qualifier().get(0).name() + "." + name.name());
            }
            if (!matches.isEmpty()) {
                documentation.put(matches.get(0), docs.get(0));
                return matches.get(0);
            }
            if (current == scope && aliasesVisible && qualifier.isEmpty()) {
                for (ColumnDoc output : current.outputAliases) {
                    if (name.matches(output.name())) {
                        Expression.ColumnReference alias = new Expression.ColumnReference(reference.position(),
                                List.of(new Identifier(output.name(), true)));
                        documentation.put(alias, output);
                        return alias;
                    }
                }
            }
        }
        if (!qualifier.isEmpty() && scope.relations.stream().noneMatch(r -> qualifierMatches(qualifier, r))) {
            throw new AdqlException(AdqlException.Kind.UNKNOWN_NAME, reference.position(), "no table " + dotted(qualifier)
                    + " in the FROM clause; expected one of " + exposedNames(scope));
        }
        throw new AdqlException(AdqlException.Kind.UNKNOWN_NAME, reference.position(), "unknown column " + dotted(reference.parts())
                + " in " + exposedNames(scope));
    }

    private static Expression.ColumnReference columnOf(Position position, Relation relation, ColumnDoc column) {
        return new Expression.ColumnReference(position,
                List.of(new Identifier(relation.exposedName(), true), new Identifier(column.name(), true)));
    }

    private static boolean qualifierMatches(List<Identifier> qualifier, Relation relation) {
        Identifier last = qualifier.get(qualifier.size() - 1);
        if (!last.matches(relation.exposedName())) {
            return false;
        }
        if (qualifier.size() == 1) {
            return true;
        }
        return qualifier.size() == 2 && relation.schema().map(s -> qualifier.get(0).matches(s)).orElse(false);
    }

    private static String exposedNames(Scope scope) {
        return scope.relations.stream().map(Relation::exposedName).toList().toString();
    }

    private static String dotted(List<Identifier> parts) {
        return String.join(".", parts.stream().map(Identifier::toString).toList());
    }

    private static String defaultName(Expression value, int index) {
        if (value instanceof Expression.ColumnReference reference) {
            return reference.column().name();
        }
        if (value instanceof Expression.FunctionCall call) {
            return call.name().toLowerCase(Locale.ROOT);
        }
        return "col" + (index + 1);
    }

    /** The documentation of a resolved select-list value named {@code name}. */
    private ColumnDoc describe(Expression value, String name) {
        ColumnDoc known = documentation.get(value);
        if (known != null) {
            return rename(known, name);
        }
        ColumnType type = new TypeDerivation(documentation).typeOf(value);
        if (type.isGeometry()) {
            // DALI 1.1 arrays of doubles in degrees; the xtype travels in the type
            return ColumnDoc.of(name, type, "deg", type == ColumnType.POINT ? "pos.eq" : "pos.outline",
                    "ADQL " + type + " value as DALI " + type.xtype() + ": " + switch (type) {
                        case POINT -> "ra dec";
                        case CIRCLE -> "ra dec radius";
                        default -> "ra1 dec1 ra2 dec2 ...";
                    } + " (degrees, ICRS)");
        }
        String unit = unitKept(value);
        return ColumnDoc.of(name, type, unit, "", "");
    }

    /** MIN, MAX, AVG, SUM, ABS of a column keep its unit; anything else is unit-less here. */
    private String unitKept(Expression value) {
        if (value instanceof Expression.FunctionCall call && call.arguments().size() == 1
                && List.of("MIN", "MAX", "AVG", "SUM", "ABS").contains(call.name())) {
            ColumnDoc argument = documentation.get(call.arguments().get(0));
            return argument == null ? "" : argument.unit();
        }
        return "";
    }

    private static ColumnDoc rename(ColumnDoc doc, String name) {
        if (doc.name().equals(name)) {
            return doc;
        }
        return new ColumnDoc(name, doc.type(), doc.unit(), doc.ucd(), doc.description(), doc.nullMeaning(), doc.band(), doc.flags());
    }
}
