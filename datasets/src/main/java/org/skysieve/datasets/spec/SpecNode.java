package org.skysieve.datasets.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A value of the parsed YAML/JSON tree with its place in the spec ({@code features[1].columns}), reading typed values
 * and recording every shape problem (missing key, wrong type, unknown key) in a shared list instead of stopping at the
 * first. Used by {@link DatasetSpecs} on one thread.
 */
final class SpecNode {
    private final String where;
    private final Object value;
    private final List<SpecProblem> problems;

    SpecNode(String where, Object value, List<SpecProblem> problems) {
        this.where = where;
        this.value = value;
        this.problems = problems;
    }

    String where() {
        return where;
    }

    boolean isMissing() {
        return value == null;
    }

    boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    boolean isList() {
        return value instanceof List<?>;
    }

    Object raw() {
        return value;
    }

    void problem(String message) {
        problems.add(new SpecProblem(where, message));
    }

    private String path(String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    /** The member {@code key} of this map (missing when absent or when this is not a map). */
    SpecNode get(String key) {
        Object member = value instanceof Map<?, ?> map ? map.get(key) : null;
        return new SpecNode(path(key), member, problems);
    }

    boolean has(String key) {
        return value instanceof Map<?, ?> map && map.containsKey(key) && map.get(key) != null;
    }

    /** Records a problem unless this is a map; records one for each key not in {@code known}. */
    boolean expectMap(Set<String> known) {
        if (!(value instanceof Map<?, ?> map)) {
            problem("Expected a mapping (keys " + new TreeSet<>(known) + "). Actual: " + describe(value));
            return false;
        }
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add(new SpecProblem(path(String.valueOf(key)), "unknown key; known: " + String.join(", ", new TreeSet<>(known))));
            }
        }
        return true;
    }

    /** The items of this list (a problem, and none, when it is not a list). */
    List<SpecNode> items() {
        if (!(value instanceof List<?> list)) {
            problem("Expected a list. Actual: " + describe(value));
            return List.of();
        }
        List<SpecNode> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            items.add(new SpecNode(where + "[" + i + "]", list.get(i), problems));
        }
        return items;
    }

    /** Text (numbers and booleans written as text are taken as their text); a problem when missing or not a scalar. */
    Optional<String> text() {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        problem("Expected text. Actual: " + describe(value));
        return Optional.empty();
    }

    Optional<String> optionalText() {
        return value == null ? Optional.empty() : text();
    }

    Optional<Long> integer() {
        if (value instanceof Integer || value instanceof Long) {
            return Optional.of(((Number) value).longValue());
        }
        if (value instanceof java.math.BigInteger big) {
            if (big.bitLength() < 64) {
                return Optional.of(big.longValue());
            }
            problem("Expected a whole number that fits in 64 bits. Actual: " + value);
            return Optional.empty();
        }
        problem("Expected a whole number. Actual: " + describe(value));
        return Optional.empty();
    }

    /** Whether the value is a number (as YAML or JSON wrote it, not text). */
    boolean isNumber() {
        return value instanceof Number;
    }

    Optional<Double> number() {
        if (value instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        problem("Expected a number. Actual: " + describe(value));
        return Optional.empty();
    }

    Optional<Boolean> bool() {
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        problem("Expected true or false. Actual: " + describe(value));
        return Optional.empty();
    }

    /** A list of texts, or a single text taken as a list of one. */
    List<String> texts() {
        if (value instanceof String single) {
            return List.of(single);
        }
        List<String> texts = new ArrayList<>();
        for (SpecNode item : items()) {
            item.text().ifPresent(texts::add);
        }
        return texts;
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        return String.valueOf(value);
    }
}
