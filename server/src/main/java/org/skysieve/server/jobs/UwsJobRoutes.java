package org.skysieve.server.jobs;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.skysieve.formats.Xml;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import org.skysieve.server.tap.UwsPhase;

/**
 * The UWS 1.1 routes shared by the services whose jobs live in a {@link JobStore} and speak UWS ({@code /xmatch/async},
 * {@code /cutouts/async}); each service adds its own creation and result routes.
 *
 * <ul>
 *   <li>{@code GET BASE}: the job list ({@code uws:jobs}, one {@code uws:jobref} with phase and creation time per job,
 *       oldest first); {@code PHASE} (repeatable) keeps jobs in those phases, {@code LAST=N} the N newest, newest
 *       first, as UWS 1.1 says.</li>
 *   <li>{@code GET BASE/ID}: the job document; {@code GET BASE/ID/phase}: the phase; {@code GET BASE/ID/error}: the
 *       message of a job in ERROR or ABORTED.</li>
 *   <li>{@code POST BASE/ID/phase} or {@code POST BASE/ID} with {@code PHASE=ABORT}: aborts it (303 to the job; a
 *       finished job is left as it is); {@code DELETE BASE/ID} or {@code POST BASE/ID} with {@code ACTION=DELETE}:
 *       aborts and removes it with its files (303 to the list).</li>
 * </ul>
 * Errors are {@link ServiceException}s. Thread-safe as the store is.
 */
public final class UwsJobRoutes {
    private final JobStore jobs;
    private final String base;
    private final BiFunction<Job, String, String> document;

    /**
     * @param base      the path of the job list, such as {@code /xmatch/async}
     * @param document  the job document of a job, given the job's URL
     */
    public UwsJobRoutes(JobStore jobs, String base, BiFunction<Job, String, String> document) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.base = requireNonNull(base, "base is null");
        this.document = requireNonNull(document, "document is null");
    }

    public void register(RoutesConfig routes) {
        routes.get(base, this::list);
        routes.get(base + "/{id}", context -> xml(context, document.apply(job(context), jobUrl(context))));
        routes.post(base + "/{id}", this::change);
        routes.delete(base + "/{id}", this::delete);
        routes.get(base + "/{id}/phase", context -> context.contentType("text/plain").result(job(context).phase().name()));
        routes.post(base + "/{id}/phase", this::change);
        routes.get(base + "/{id}/error", context -> {
            Job job = job(context);
            context.contentType("text/plain; charset=utf-8").result(job.errorMessage().orElseThrow(() ->
                    new ServiceException(ErrorCategory.NOT_FOUND, "Expected a job in phase ERROR or ABORTED. Actual: "
                            + job.phase())));
        });
    }

    /** The job named by the path parameter {@code id}; a 404 naming it when there is none. */
    public Job job(Context context) {
        String id = context.pathParam("id");
        return jobs.job(id).orElseThrow(() -> new ServiceException(ErrorCategory.NOT_FOUND, "Expected an existing "
                + jobs.settings().kind() + " job. Actual: " + id));
    }

    private void list(Context context) {
        List<UwsPhase> phases = new ArrayList<>();
        for (String text : context.queryParams("PHASE")) {
            phases.add(phase(text));
        }
        Stream<Job> listed = jobs.list().stream().filter(job -> phases.isEmpty() || phases.contains(job.phase()));
        String last = context.queryParam("LAST");
        if (last != null) {
            listed = listed.sorted(Comparator.comparing(Job::creationTime).reversed()).limit(count(last));
        }
        String url = root(context) + base;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<uws:jobs"
                + " xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                + " version=\"1.1\">\n");
        listed.forEach(job -> xml.append(" <uws:jobref id=\"").append(job.id()).append("\" xlink:href=\"")
                .append(Xml.escape(url + "/" + job.id())).append("\">\n  <uws:phase>").append(job.phase().name())
                .append("</uws:phase>\n  <uws:creationTime>").append(job.creationTime())
                .append("</uws:creationTime>\n </uws:jobref>\n"));
        xml(context, xml.append("</uws:jobs>\n").toString());
    }

    private void change(Context context) {
        String action = parameter(context, "ACTION");
        String phase = parameter(context, "PHASE");
        if (action != null && action.equalsIgnoreCase("DELETE")) {
            delete(context);
        } else if (phase != null && phase.equalsIgnoreCase("ABORT")) {
            Job job = job(context);
            jobs.abort(job.id());
            context.redirect(jobUrl(context), HttpStatus.SEE_OTHER);
        } else {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected PHASE=ABORT or ACTION=DELETE. Actual: "
                    + (action == null && phase == null ? "neither" : "ACTION=" + action + ", PHASE=" + phase));
        }
    }

    private void delete(Context context) {
        jobs.delete(job(context).id());
        context.redirect(root(context) + base, HttpStatus.SEE_OTHER);
    }

    private static String parameter(Context context, String name) {
        String form = context.formParam(name);
        return form != null ? form : context.queryParam(name);
    }

    private static UwsPhase phase(String text) {
        try {
            return UwsPhase.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected PHASE among "
                    + java.util.Arrays.toString(UwsPhase.values()) + ". Actual: " + text);
        }
    }

    private static long count(String text) {
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected LAST to be a whole number >= 0. Actual: " + text);
    }

    private String jobUrl(Context context) {
        return root(context) + base + "/" + context.pathParam("id");
    }

    private static String root(Context context) {
        return context.scheme() + "://" + context.host();
    }

    private static void xml(Context context, String document) {
        context.contentType("text/xml; charset=utf-8").result(document);
    }
}
