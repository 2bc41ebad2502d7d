package org.skysieve.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns to keep of each side of {@code skysieve xmatch}, from {@code --columns left:a,b;right:c} (the parts may
 * also come as separate {@code --columns} options; sides {@code left}/{@code 1} and {@code right}/{@code 2}) or from
 * the older {@code --left-columns}/{@code --right-columns}. Empty: the side's default columns.
 */
record ColumnChoice(Optional<List<String>> left, Optional<List<String>> right) {
    static ColumnChoice parse(List<String> options, List<String> leftColumns, List<String> rightColumns) {
        List<String> left = leftColumns == null ? null : List.copyOf(leftColumns);
        List<String> right = rightColumns == null ? null : List.copyOf(rightColumns);
        for (String option : options) {
            for (String part : option.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int colon = part.indexOf(':');
                String side = colon < 0 ? "" : part.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                List<String> names = colon < 0 ? List.of() : Arrays.stream(part.substring(colon + 1).split(",")).map(String::strip)
                        .filter(name -> !name.isEmpty()).toList();
                if (names.isEmpty()) {
                    throw new IllegalArgumentException("Expected --columns SIDE:COLUMN[,COLUMN...] with SIDE left or right (e.g."
                            + " left:id,ra;right:id,mag). Actual: '" + part + "'");
                }
                switch (side) {
                    case "left", "1" -> left = join(left, names, "left", part);
                    case "right", "2" -> right = join(right, names, "right", part);
                    default -> throw new IllegalArgumentException("Expected --columns SIDE:COLUMNS with SIDE left, right, 1 or 2. Actual: '"
                            + part + "'");
                }
            }
        }
        return new ColumnChoice(Optional.ofNullable(left), Optional.ofNullable(right));
    }

    private static List<String> join(List<String> already, List<String> names, String side, String part) {
        if (already != null) {
            throw new IllegalArgumentException("Expected the " + side + " columns once. Actual: chosen again by '" + part + "'");
        }
        return List.copyOf(new ArrayList<>(names));
    }
}
