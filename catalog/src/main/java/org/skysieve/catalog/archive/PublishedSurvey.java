package org.skysieve.catalog.archive;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.skysieve.catalog.model.Survey;

/** A survey found in an archive with the tables whose catalogues are published. */
public record PublishedSurvey(Survey survey, List<PublishedTable> tables) {
    public PublishedSurvey {
        requireNonNull(survey, "survey is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
    }

    public long totalRows() {
        return tables.stream().mapToLong(PublishedTable::rowCount).sum();
    }
}
