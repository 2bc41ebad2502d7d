package org.skysieve.server.cutouts;

import org.skysieve.formats.Xml;

/** The UWS 1.1 job document of a cutout job, with the progress in {@code jobInfo}. Stateless. */
final class CutoutJobDocuments {
    private CutoutJobDocuments() {
    }

    static String job(CutoutJobs.Job job, String url) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<uws:job xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\""
                + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\">\n");
        xml.append(" <uws:jobId>").append(job.id()).append("</uws:jobId>\n");
        xml.append(" <uws:phase>").append(job.phase().name()).append("</uws:phase>\n");
        xml.append(" <uws:creationTime>").append(job.created()).append("</uws:creationTime>\n");
        xml.append(" <uws:results>\n");
        job.result().ifPresent(result -> {
            for (String name : CutoutRoutes.resultNames(result)) {
                xml.append("  <uws:result id=\"").append(Xml.escape(name)).append("\" xlink:href=\"")
                        .append(Xml.escape(url + "/results/" + name)).append("\"/>\n");
            }
        });
        xml.append(" </uws:results>\n");
        job.error().ifPresent(message -> xml.append(" <uws:errorSummary type=\"fatal\" hasDetail=\"true\">"
                + "<uws:message>").append(Xml.escape(message)).append("</uws:message></uws:errorSummary>\n"));
        xml.append(" <uws:jobInfo><progress stamps_done=\"").append(job.progress().done())
                .append("\" stamps_total=\"").append(job.progress().total()).append("\"/>");
        job.result().ifPresent(result -> xml.append("<stamps written=\"").append(result.stamps())
                .append("\" outside=\"").append(result.outside()).append("\"/>"));
        xml.append("</uws:jobInfo>\n");
        return xml.append("</uws:job>\n").toString();
    }
}
