package org.skysieve.query.tree;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** An entry of a FROM clause: a named table, a subquery with its alias, or a join. Immutable. */
public sealed interface TableReference {
    Position position();

    /** {@code [schema.]table [AS alias]}. */
    record NamedTable(Position position, List<Identifier> name, Optional<Identifier> alias) implements TableReference {
        public NamedTable {
            requireNonNull(position, "position is null");
            name = List.copyOf(name);
            requireNonNull(alias, "alias is null");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("A table reference needs a name");
            }
        }

        /** The name a column qualifier refers to: the alias, else the last part of the name. */
        public Identifier exposedName() {
            return alias.orElse(name.get(name.size() - 1));
        }
    }

    record DerivedTable(Position position, QueryExpression query, Identifier alias) implements TableReference {
        public DerivedTable {
            requireNonNull(position, "position is null");
            requireNonNull(query, "query is null");
            requireNonNull(alias, "alias is null");
        }
    }

    /** A join; {@code on} and {@code using} are both empty for a cross join or a NATURAL join. */
    record Join(
            Position position,
            JoinKind kind,
            boolean natural,
            TableReference left,
            TableReference right,
            Optional<Expression> on,
            List<Identifier> using) implements TableReference {

        public Join {
            requireNonNull(position, "position is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            requireNonNull(on, "on is null");
            using = List.copyOf(using);
        }
    }

    enum JoinKind { INNER, LEFT, RIGHT, FULL }
}
