package org.skysieve.server.tap;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.skysieve.formats.Xml;

/** UWS 1.1 XML documents: the job list, a job, its parameters and results. Stateless. */
final class UwsDocuments {
    private static final String NAMESPACES = "xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\""
            + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private UwsDocuments() {
    }

    static String jobList(List<UwsJob> jobs, String asyncUrl) {
        StringBuilder xml = new StringBuilder(HEAD).append("<uws:jobs ").append(NAMESPACES).append(" version=\"1.1\">\n");
        for (UwsJob job : jobs) {
            xml.append(" <uws:jobref id=\"").append(Xml.escape(job.jobId())).append("\" xlink:href=\"")
                    .append(Xml.escape(asyncUrl + "/" + job.jobId())).append("\">\n");
            xml.append("  <uws:phase>").append(job.phase()).append("</uws:phase>\n");
            job.runId().ifPresent(runId -> xml.append("  <uws:runId>").append(Xml.escape(runId)).append("</uws:runId>\n"));
            xml.append("  <uws:creationTime>").append(time(job.creationTime())).append("</uws:creationTime>\n");
            xml.append(" </uws:jobref>\n");
        }
        return xml.append("</uws:jobs>\n").toString();
    }

    static String job(UwsJob job, String jobUrl, Optional<String> resultUrl) {
        StringBuilder xml = new StringBuilder(HEAD).append("<uws:job ").append(NAMESPACES).append(" version=\"1.1\">\n");
        xml.append(" <uws:jobId>").append(Xml.escape(job.jobId())).append("</uws:jobId>\n");
        job.runId().ifPresent(runId -> xml.append(" <uws:runId>").append(Xml.escape(runId)).append("</uws:runId>\n"));
        xml.append(" <uws:ownerId xsi:nil=\"true\"/>\n");
        xml.append(" <uws:phase>").append(job.phase()).append("</uws:phase>\n");
        xml.append(" <uws:quote xsi:nil=\"true\"/>\n");
        xml.append(" <uws:creationTime>").append(time(job.creationTime())).append("</uws:creationTime>\n");
        optionalTime(xml, "startTime", job.startTime());
        optionalTime(xml, "endTime", job.endTime());
        xml.append(" <uws:executionDuration>").append(job.executionDurationSeconds()).append("</uws:executionDuration>\n");
        xml.append(" <uws:destruction>").append(time(job.destruction())).append("</uws:destruction>\n");
        appendParameters(xml, job.parameters());
        appendResults(xml, resultUrl);
        job.errorMessage().filter(message -> job.phase() == UwsPhase.ERROR).ifPresent(message ->
                xml.append(" <uws:errorSummary type=\"fatal\" hasDetail=\"true\">\n  <uws:message>").append(Xml.escape(message))
                        .append("</uws:message>\n </uws:errorSummary>\n"));
        return xml.append("</uws:job>\n").toString();
    }

    static String parameters(Map<String, String> parameters) {
        StringBuilder xml = new StringBuilder(HEAD);
        appendParameters(xml, parameters);
        return xml.toString().replace("<uws:parameters>", "<uws:parameters " + NAMESPACES + ">");
    }

    static String results(Optional<String> resultUrl) {
        StringBuilder xml = new StringBuilder(HEAD);
        appendResults(xml, resultUrl);
        return xml.toString().replace("<uws:results>", "<uws:results " + NAMESPACES + ">");
    }

    private static void appendParameters(StringBuilder xml, Map<String, String> parameters) {
        xml.append(" <uws:parameters>\n");
        new TreeMap<>(parameters).forEach((name, value) -> xml.append("  <uws:parameter id=\"")
                .append(Xml.escape(name.toLowerCase(java.util.Locale.ROOT))).append("\">").append(Xml.escape(value)).append("</uws:parameter>\n"));
        xml.append(" </uws:parameters>\n");
    }

    private static void appendResults(StringBuilder xml, Optional<String> resultUrl) {
        xml.append(" <uws:results>\n");
        resultUrl.ifPresent(url -> xml.append("  <uws:result id=\"result\" xlink:type=\"simple\" xlink:href=\"")
                .append(Xml.escape(url)).append("\"/>\n"));
        xml.append(" </uws:results>\n");
    }

    private static void optionalTime(StringBuilder xml, String element, Optional<Instant> time) {
        if (time.isPresent()) {
            xml.append(" <uws:").append(element).append('>').append(time(time.get())).append("</uws:").append(element).append(">\n");
        } else {
            xml.append(" <uws:").append(element).append(" xsi:nil=\"true\"/>\n");
        }
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
