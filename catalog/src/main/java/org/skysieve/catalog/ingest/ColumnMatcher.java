package org.skysieve.catalog.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the wanted input columns among a file's columns: by exact name, else case-insensitively if unambiguous. */
final class ColumnMatcher {
    private ColumnMatcher() {
    }

    /**
     * The index in {@code fileColumns} of every wanted column, in the order wanted.
     *
     * @throws IngestException listing the missing columns, what was expected and what the file has
     */
    static Map<String, Integer> match(Path file, List<String> fileColumns, List<String> wanted) {
        Map<String, Integer> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : wanted) {
            int index = fileColumns.indexOf(name);
            if (index < 0) {
                List<Integer> candidates = new ArrayList<>();
                for (int i = 0; i < fileColumns.size(); i++) {
                    if (fileColumns.get(i).equalsIgnoreCase(name)) {
                        candidates.add(i);
                    }
                }
                index = candidates.size() == 1 ? candidates.get(0) : -1;
            }
            if (index < 0) {
                missing.add(name);
            } else {
                found.put(name, index);
            }
        }
        if (!missing.isEmpty()) {
            throw IngestException.inFile(file, "Missing column" + (missing.size() > 1 ? "s " : " ") + missing
                    + ". Expected columns: " + wanted + ". The file has: " + fileColumns, null);
        }
        return found;
    }
}
