package org.skysieve.server.tap;

import java.time.Duration;
import java.util.List;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/** The executor of a server started without a query engine: every query is answered "unavailable" (503). */
public final class UnavailableAdqlExecutor implements AdqlExecutor {
    @Override
    public ExecutedQuery execute(String adql, long maxrec, List<UploadedTable> uploads, Duration timeout) {
        throw new ServiceException(ErrorCategory.UNAVAILABLE, "This server was started without an ADQL engine; queries cannot run yet.");
    }
}
