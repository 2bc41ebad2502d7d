package org.skysieve.query.tree;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** One entry of a select list: {@code t.*} or an expression with an optional alias. Immutable. */
public sealed interface SelectItem {
    Position position();

    /** {@code qualifier.*}. */
    record AllColumnsOf(Position position, List<Identifier> qualifier) implements SelectItem {
        public AllColumnsOf {
            requireNonNull(position, "position is null");
            qualifier = List.copyOf(qualifier);
        }
    }

    record DerivedColumn(Position position, Expression value, Optional<Identifier> alias) implements SelectItem {
        public DerivedColumn {
            requireNonNull(position, "position is null");
            requireNonNull(value, "value is null");
            requireNonNull(alias, "alias is null");
        }
    }
}
