package org.skysieve.server.jobs;

import java.util.List;
import java.util.function.Function;
import org.skysieve.formats.Xml;

/**
 * The UWS 1.1 job document of a {@link Job}, for the services whose async jobs speak UWS ({@code /xmatch/async},
 * {@code /cutouts/async}). Stateless.
 */
public final class UwsJobDocument {
    private UwsJobDocument() {
    }

    /**
     * @param url               the job's URL; results are at {@code url/results/NAME}
     * @param resultNames       the result names listed (a service may list a bundle made on the fly)
     * @param resultAttributes  extra XML attributes of a result element (with a leading space), or ""
     * @param jobInfo           the content of {@code uws:jobInfo} (XML), or "" for none
     */
    public static String of(Job job, String url, List<String> resultNames, Function<String, String> resultAttributes,
            String jobInfo) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<uws:job xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\""
                + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\">\n");
        xml.append(" <uws:jobId>").append(job.id()).append("</uws:jobId>\n");
        xml.append(" <uws:phase>").append(job.phase().name()).append("</uws:phase>\n");
        xml.append(" <uws:creationTime>").append(job.creationTime()).append("</uws:creationTime>\n");
        job.startTime().ifPresent(time -> xml.append(" <uws:startTime>").append(time).append("</uws:startTime>\n"));
        job.endTime().ifPresent(time -> xml.append(" <uws:endTime>").append(time).append("</uws:endTime>\n"));
        xml.append(" <uws:destruction>").append(job.destructionTime()).append("</uws:destruction>\n");
        xml.append(" <uws:results>\n");
        for (String name : resultNames) {
            xml.append("  <uws:result id=\"").append(Xml.escape(name)).append("\" xlink:href=\"")
                    .append(Xml.escape(url + "/results/" + name)).append("\"").append(resultAttributes.apply(name))
                    .append("/>\n");
        }
        xml.append(" </uws:results>\n");
        job.errorMessage().ifPresent(message -> xml.append(" <uws:errorSummary type=\"")
                .append(job.phase() == org.skysieve.server.tap.UwsPhase.ABORTED ? "transient" : "fatal")
                .append("\" hasDetail=\"true\"><uws:message>").append(Xml.escape(message))
                .append("</uws:message></uws:errorSummary>\n"));
        if (!jobInfo.isEmpty()) {
            xml.append(" <uws:jobInfo>").append(jobInfo).append("</uws:jobInfo>\n");
        }
        return xml.append("</uws:job>\n").toString();
    }

    /**
     * The job's {@code description} attribute (what the service recorded at creation: the upload, the surveys, ...) as
     * a {@code description} element for {@code uws:jobInfo}, or "" when it has none.
     */
    public static String description(Job job) {
        return job.attribute("description").map(text -> "<description>" + Xml.escape(text) + "</description>")
                .orElse("");
    }
}
