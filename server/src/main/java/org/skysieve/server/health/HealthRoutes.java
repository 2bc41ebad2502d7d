package org.skysieve.server.health;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.model.Band;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.catalog.status.FootprintFolder;

/**
 * {@code GET /health} (JSON, for monitors and tests) and {@code GET /services} (one plain HTML page, for people; the
 * portal at {@code /} links it): the published surveys, their bands, tables and row counts, and (HTML) links to every
 * service and to the coverage and mask MOCs of the surveys that have them.
 */
public final class HealthRoutes {
    private final Archive archive;

    public HealthRoutes(Archive archive) {
        this.archive = requireNonNull(archive, "archive is null");
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::json);
        routes.get("/services", this::html);
    }

    private void json(Context context) {
        List<Map<String, Object>> surveys = new ArrayList<>();
        for (PublishedSurvey published : archive.surveys()) {
            List<Map<String, Object>> tables = new ArrayList<>();
            for (PublishedTable table : published.tables()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", table.qualifiedName());
                entry.put("rows", table.rowCount());
                entry.put("columns", table.table().columns().size());
                tables.add(entry);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", published.survey().name());
            entry.put("title", published.survey().title());
            entry.put("bands", published.survey().bands().stream().map(Band::name).toList());
            entry.put("rows", published.totalRows());
            entry.put("tables", tables);
            surveys.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("surveys", surveys);
        context.contentType("application/json").result(SurveyJson.toJson(body));
    }

    private static String mocLink(String path, String label) {
        String url = "/moc/" + Html.escape(path) + "?format=json";
        return "<a href=\"" + url + "\">" + Html.escape(label) + "</a>";
    }

    private void html(Context context) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>skysieve</title>")
                .append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}")
                .append("td.n{text-align:right}</style></head><body>\n")
                .append("<h1>skysieve</h1><p>An archive for machine learning on survey data.")
                .append(" <a href=\"/\">The portal</a> browses it.</p>\n")
                .append("<h2>Services</h2>\n<ul>")
                .append("<li>TAP 1.1: <a href=\"/tap/capabilities\">/tap/capabilities</a>,")
                .append(" <a href=\"/tap/tables\">/tap/tables</a>, <a href=\"/tap/examples\">/tap/examples</a>,")
                .append(" <a href=\"/tap/async\">/tap/async</a> (jobs); queries at /tap/sync</li>")
                .append("<li>MOCs: <a href=\"/moc\">/moc</a></li>")
                .append("<li>Cross-match: POST /xmatch, /xmatch/async</li>")
                .append("<li>Cutouts: SODA <a href=\"/soda/capabilities\">/soda/capabilities</a> (/soda/sync),")
                .append(" POST /cutouts, /cutouts/async, /cutouts/preview; DataLink /datalink?ID=...</li>")
                .append("<li>Portal JSON: <a href=\"/api/surveys\">/api/surveys</a>, <a href=\"/api/tables\">/api/tables</a></li>")
                .append("</ul>\n")
                .append("<h2>Surveys</h2>\n<table><tr><th>survey</th><th>title</th><th>bands</th><th>table</th>")
                .append("<th>rows</th></tr>\n");
        for (PublishedSurvey published : archive.surveys()) {
            String bands = String.join(" ", published.survey().bands().stream().map(Band::name).toList());
            for (PublishedTable table : published.tables()) {
                page.append("<tr><td>").append(Html.escape(published.survey().name()))
                        .append("</td><td>").append(Html.escape(published.survey().title()))
                        .append("</td><td>").append(Html.escape(bands))
                        .append("</td><td>").append(Html.escape(table.qualifiedName()))
                        .append("</td><td class=\"n\">").append(String.format("%,d", table.rowCount()))
                        .append("</td></tr>\n");
            }
        }
        page.append("</table>\n<p><a href=\"/health\">/health</a> gives the same as JSON.</p>\n");
        page.append("<h2>Coverage and masks</h2>\n<p>IVOA MOC 2.0 maps of every band (<a href=\"/moc\">/moc</a> lists them;"
                + " add <code>?format=fits|json|ascii</code>):</p>\n<ul>\n");
        for (PublishedSurvey published : archive.surveys()) {
            String survey = published.survey().name();
            if (!new FootprintFolder(archive.layout().footprintFolder(survey), survey).hasMaps()) {
                continue;
            }
            page.append("<li>").append(Html.escape(survey)).append(": ");
            page.append(mocLink(survey + "/coverage", "coverage")).append(", ").append(mocLink(survey + "/masks", "masks"));
            for (Band band : published.survey().bands()) {
                page.append("; ").append(Html.escape(band.name())).append(' ')
                        .append(mocLink(survey + "/" + band.name() + "/coverage", "coverage")).append(' ')
                        .append(mocLink(survey + "/" + band.name() + "/masks", "masks"));
            }
            page.append("</li>\n");
        }
        page.append("</ul>\n<h2>ML datasets</h2>\n<p><a href=\"/datasets\">/datasets</a>: POST a dataset spec (YAML or"
                + " JSON) to build a training set next to the data, follow its progress, download it shard by shard or"
                + " as one archive; GET lists the dataset jobs and the limits.</p>\n");
        page.append("</body></html>\n");
        context.contentType("text/html; charset=utf-8").result(page.toString());
    }
}
