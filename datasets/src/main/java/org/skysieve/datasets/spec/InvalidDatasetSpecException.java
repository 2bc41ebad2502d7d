package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A dataset spec that cannot be built, with every problem found (not only the first): the message lists them one per
 * line. Always the user's error; {@link #category()} tells the one place that maps errors to a protocol (HTTP 400,
 * command line exit code) what kind it is.
 */
public final class InvalidDatasetSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of problem; all are the user's. */
    public enum Category {
        /** The spec is malformed or names what the archive does not have (HTTP 400). */
        INVALID_SPEC
    }

    private final transient List<SpecProblem> problems;
    private final String source;

    /**
     * @param source    the spec's name for messages (its file, or {@code request})
     * @param problems  at least one
     */
    public InvalidDatasetSpecException(String source, List<SpecProblem> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String message(String source, List<SpecProblem> problems) {
        requireNonNull(source, "source is null");
        if (requireNonNull(problems, "problems is null").isEmpty()) {
            throw new IllegalArgumentException("Expected at least one problem. Actual: none");
        }
        StringBuilder text = new StringBuilder("Invalid dataset spec " + source + " (" + problems.size()
                + (problems.size() == 1 ? " problem):" : " problems):"));
        for (SpecProblem problem : problems) {
            text.append("\n  ").append(problem);
        }
        return text.toString();
    }

    public List<SpecProblem> problems() {
        return problems;
    }

    public String source() {
        return source;
    }

    public Category category() {
        return Category.INVALID_SPEC;
    }
}
