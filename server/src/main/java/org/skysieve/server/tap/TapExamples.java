package org.skysieve.server.tap;

import java.util.List;
import org.skysieve.formats.Xml;

/**
 * The DALI examples document (XHTML with RDFa, vocabulary {@code http://www.ivoa.net/rdf/examples#}): real ADQL
 * queries on the surveys skysieve serves, each with a title and a sentence saying what it answers. Stateless.
 */
final class TapExamples {
    record Example(String id, String title, String explanation, String query) {
    }

    static final List<Example> EXAMPLES = List.of(
            new Example("cone", "Cone search on the deep optical survey",
                    "Sources within 0.1 degree of a position, with their r magnitudes and quality flags.",
                    "SELECT TOP 100 id, ra, dec, mag_r, magerr_r, flags\nFROM deep_optical.sources\n"
                            + "WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 180.0, 0.0, 0.1))"),
            new Example("missing", "Why is a magnitude missing?",
                    "Sources with no r magnitude, with the status that says why (undetected, masked or unobserved)"
                            + " and the limiting magnitude there.",
                    "SELECT TOP 100 id, ra, dec, mag_r_status, mag_r_limit\nFROM deep_optical.sources\nWHERE mag_r IS NULL"),
            new Example("flags", "Clean photometry through the flag bits",
                    "Astrometric sources with none of the first four quality bits set (TAP_SCHEMA.columns.flag_bits says"
                            + " what each bit means). ADQL 2.1 also writes the test (quality_flags & 15) = 0; MOD keeps the"
                            + " example readable by ADQL 2.0 validators.",
                    "SELECT TOP 100 source_id, ra, dec, phot_g_mean_mag, quality_flags\nFROM astrometric.source\n"
                            + "WHERE MOD(quality_flags, 16) = 0"),
            new Example("crossmatch", "Near-infrared counterparts within one arcsecond",
                    "Optical sources joined to near-infrared sources closer than 1 arcsec, with the separation.",
                    "SELECT TOP 100 o.id, n.sourceid, o.mag_r, n.ksmag,\n"
                            + "  DISTANCE(POINT('ICRS', o.ra, o.dec), POINT('ICRS', n.ra, n.dec)) * 3600 AS sep_arcsec\n"
                            + "FROM deep_optical.sources AS o JOIN near_infrared.sources AS n\n"
                            + "  ON 1 = CONTAINS(POINT('ICRS', n.ra, n.dec), CIRCLE('ICRS', o.ra, o.dec, 1.0 / 3600))"),
            new Example("columns", "Documentation of every column",
                    "The unit, UCD, description and flag bits of the columns of one table.",
                    "SELECT column_name, unit, ucd, description, flag_bits\nFROM TAP_SCHEMA.columns\n"
                            + "WHERE table_name = 'wide_infrared.sources'"));

    private TapExamples() {
    }

    static String document() {
        StringBuilder html = new StringBuilder(8192);
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        html.append("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML+RDFa 1.1//EN\" \"http://www.w3.org/MarkUp/DTD/xhtml-rdfa-2.dtd\">\n");
        html.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" version=\"XHTML+RDFa 1.1\">\n");
        html.append("<head><title>skysieve TAP examples</title></head>\n");
        html.append("<body vocab=\"http://www.ivoa.net/rdf/examples#\">\n<h1>Example queries</h1>\n");
        for (Example example : EXAMPLES) {
            html.append("<div id=\"").append(example.id()).append("\" resource=\"#").append(example.id())
                    .append("\" typeof=\"example\">\n");
            html.append(" <h2 property=\"name\">").append(Xml.escape(example.title())).append("</h2>\n");
            html.append(" <p>").append(Xml.escape(example.explanation())).append("</p>\n");
            html.append(" <pre property=\"query\">").append(Xml.escape(example.query())).append("</pre>\n");
            html.append("</div>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }
}
