package org.skysieve.server.xmatch;

import org.skysieve.formats.Xml;

/** The UWS 1.1 job document of a cross-match job. Stateless. */
final class XmatchJobDocuments {
    private XmatchJobDocuments() {
    }

    static String job(XmatchJobs.Job job, String url) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<uws:job xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\">\n");
        xml.append(" <uws:jobId>").append(job.id()).append("</uws:jobId>\n");
        xml.append(" <uws:phase>").append(job.phase().name()).append("</uws:phase>\n");
        xml.append(" <uws:creationTime>").append(job.created()).append("</uws:creationTime>\n");
        xml.append(" <uws:results>\n");
        if (job.result().isPresent()) {
            xml.append("  <uws:result id=\"result\" xlink:href=\"").append(Xml.escape(url + "/results/result")).append("\" rows=\"")
                    .append(job.rows()).append("\"/>\n");
        }
        xml.append(" </uws:results>\n");
        job.error().ifPresent(message -> xml.append(" <uws:errorSummary type=\"fatal\" hasDetail=\"false\"><uws:message>")
                .append(Xml.escape(message)).append("</uws:message></uws:errorSummary>\n"));
        return xml.append("</uws:job>\n").toString();
    }
}
