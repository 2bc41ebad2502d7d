package org.skysieve.server.xmatch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.PositionColumns;
import org.skysieve.xmatch.SkyPositions;
import org.skysieve.xmatch.TableReader;

/**
 * An uploaded catalogue read into primitive columns, with its position columns found and checked.
 *
 * <p>The format is recognised from the first bytes (Parquet {@code PAR1}, FITS {@code SIMPLE}, VOTable {@code <}, else
 * CSV with a header line), never from the part's file name. Positions must be numbers in degrees; a missing (null or
 * NaN) position is allowed and simply matches nothing; an infinite right ascension or a declination outside
 * [-90, 90] is an error naming the data row (1 = the first row after the header) and the columns.
 *
 * @param table      the uploaded rows
 * @param positions  its right ascension and declination columns
 */
public record UploadedCatalogue(LoadedTable table, PositionColumns positions) {
    /** Right ascension column names recognised when the request names none, in order of preference (ignoring case). */
    static final List<String> RA_NAMES = List.of("ra", "ra_deg", "raj2000", "ra_icrs", "radeg", "alpha", "ra_j2000");
    static final List<String> DEC_NAMES = List.of("dec", "dec_deg", "dej2000", "decj2000", "de_icrs", "dec_icrs", "dedeg", "decdeg", "delta", "dec_j2000");

    /** Reads {@code saved} (the upload, already on disk within the size limit); {@code partName} is named in messages. */
    public static UploadedCatalogue read(Path saved, String partName, Optional<String> raColumn, Optional<String> decColumn) {
        Path typed;
        try {
            if (Files.size(saved) == 0) {
                throw bad("Expected a table in upload " + partName + ". Actual: an empty file");
            }
            typed = saved.resolveSibling(saved.getFileName() + "." + sniff(saved));
            Files.move(saved, typed);
        } catch (IOException e) {
            throw new ServiceException(ErrorCategory.INTERNAL, "Cannot keep the uploaded file " + partName, e);
        }
        LoadedTable table;
        try {
            table = TableReader.read(typed);
        } catch (IllegalArgumentException e) {
            throw bad("Cannot read upload " + partName + " (expected CSV with a header line, VOTable, FITS or Parquet): "
                    + e.getMessage().replace(typed.toString(), partName).replace(typed.getFileName().toString(), partName));
        }
        table = new LoadedTable(partName, table.columns());
        if (table.rowCount() == 0) {
            throw bad("Expected rows in upload " + partName + ". Actual: the table is empty");
        }
        Column ra = find(table, raColumn, RA_NAMES, "right ascension", "ra", partName);
        Column dec = find(table, decColumn, DEC_NAMES, "declination", "dec", partName);
        for (Column column : List.of(ra, dec)) {
            if (column instanceof Column.TextColumn text) {
                throw bad("Expected numbers (degrees) in column " + column.name() + " of upload " + partName + ". Actual: "
                        + firstNonNumber(text));
            }
        }
        try {
            SkyPositions.ofDegrees(LoadedTable.doubles(ra), LoadedTable.doubles(dec));
        } catch (IllegalArgumentException e) {
            throw bad("Bad position in upload " + partName + " (columns " + ra.name() + ", " + dec.name() + "): " + e.getMessage());
        }
        return new UploadedCatalogue(table, PositionColumns.of(ra.name(), dec.name()));
    }

    private static Column find(LoadedTable table, Optional<String> named, List<String> candidates, String what, String parameter, String partName) {
        List<String> names = table.columns().stream().map(Column::name).toList();
        if (named.isPresent()) {
            return table.column(named.get()).orElseThrow(() -> bad("Expected the " + what + " column " + named.get() + " (parameter "
                    + parameter + ") in upload " + partName + ". Actual columns: " + names));
        }
        return table.firstOf(candidates).orElseThrow(() -> bad("Expected a " + what + " column (one of " + candidates + ", or name it with"
                + " parameter " + parameter + ") in upload " + partName + ". Actual columns: " + names));
    }

    private static String firstNonNumber(Column.TextColumn column) {
        for (int row = 0; row < column.size(); row++) {
            String value = column.values()[row];
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return "'" + value + "' in data row " + (row + 1);
            }
        }
        return "text";
    }

    private static String sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading().toUpperCase(Locale.ROOT);
        if (text.startsWith("PAR1")) {
            return "parquet";
        }
        if (text.startsWith("SIMPLE")) {
            return "fits";
        }
        if (text.startsWith("<")) {
            return "vot";
        }
        return "csv";
    }

    private static ServiceException bad(String message) {
        return new ServiceException(ErrorCategory.BAD_REQUEST, message);
    }
}
