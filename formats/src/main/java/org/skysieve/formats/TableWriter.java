package org.skysieve.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;

/**
 * Writes a query result to a stream in one format, reading the rows once, in order, batch by batch, and holding at
 * most a bounded number of them in memory (formats that need the row count before the rows spool to a temporary file).
 *
 * <p>Contract: {@code columns} describe the result's columns in order (their {@link ColumnDoc#type()} says how each
 * cell is read); at most {@code maxRows} rows are written; when a further row exists the result is marked as cut
 * wherever the format can say so (the VOTable {@code QUERY_STATUS=OVERFLOW} INFO, a FITS header keyword, the
 * VOParquet metadata), and {@link WriteSummary#overflow()} is true. Each column's VOTable {@code xtype} (e.g.
 * {@code timestamp}; empty for none) is used by the formats that can carry it (VOTable) and ignored by the others;
 * POINT, CIRCLE and POLYGON columns carry their DALI xtype in their type (VOTable and VOParquet FIELDs), whatever
 * {@code xtypes} says.
 * The writer neither closes the rows nor {@code out}. A writer instance is stateless and may be shared between threads.
 */
public interface TableWriter {
    WriteSummary write(List<ColumnDoc> columns, List<String> xtypes, RowSource rows, long maxRows, OutputStream out)
            throws IOException, SQLException;

    /** As {@link #write(List, List, RowSource, long, OutputStream)} from a JDBC result set, without xtypes. */
    default WriteSummary write(List<ColumnDoc> columns, ResultSet rows, long maxRows, OutputStream out) throws IOException, SQLException {
        return write(columns, Collections.nCopies(columns.size(), ""), new ResultSetRows(rows), maxRows, out);
    }

    /** As {@link #write(List, List, RowSource, long, OutputStream)} from a JDBC result set. */
    default WriteSummary write(List<ColumnDoc> columns, List<String> xtypes, ResultSet rows, long maxRows, OutputStream out)
            throws IOException, SQLException {
        return write(columns, xtypes, new ResultSetRows(rows), maxRows, out);
    }

    /** The format written. */
    TableFormat format();
}
