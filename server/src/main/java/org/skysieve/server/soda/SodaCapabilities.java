package org.skysieve.server.soda;

import io.javalin.http.Context;
import org.skysieve.formats.Xml;

/**
 * VOSI documents of the image services: one capabilities document (served at {@code /soda/capabilities} and
 * {@code /datalink/capabilities}) declaring SODA 1.0 sync ({@code ivo://ivoa.net/std/SODA#sync-1.0} at
 * {@code /soda/sync}), DataLink 1.1 ({@code ivo://ivoa.net/std/DataLink#links-1.1} at {@code /datalink}) and the VOSI
 * capabilities and availability endpoints; and the availability document. Stateless.
 */
public final class SodaCapabilities {
    private SodaCapabilities() {
    }

    /** The server's root URL as the client reached it ({@code scheme://host[:port]}). */
    public static String rootUrl(Context context) {
        return context.scheme() + "://" + context.host();
    }

    /** The capabilities document for a server reached at {@code rootUrl}. */
    public static String capabilities(String rootUrl) {
        String root = Xml.escape(rootUrl);
        StringBuilder xml = new StringBuilder(2048);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xmlns:vr=\"http://www.ivoa.net/xml/VOResource/v1.0\"")
                .append(" xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\">\n");
        xml.append(" <capability standardID=\"ivo://ivoa.net/std/SODA#sync-1.0\">\n");
        xml.append("  <description>Cutouts of the survey plates: ID=SURVEY/BAND (or SURVEY with BAND in metres), one of")
                .append(" POS, CIRCLE, POLYGON; answers a FITS image with the stamp's WCS.</description>\n");
        xml.append("  <interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.0\">\n");
        xml.append("   <accessURL use=\"full\">").append(root).append("/soda/sync</accessURL>\n");
        xml.append("   <queryType>GET</queryType>\n   <queryType>POST</queryType>\n");
        xml.append("   <resultType>application/fits</resultType>\n");
        param(xml, "ID", "char", "meta.id;meta.dataset", "", true, "The dataset: SURVEY/BAND or SURVEY");
        param(xml, "POS", "char", "pos.outline;obs", "", false, "CIRCLE, RANGE or POLYGON, degrees (ICRS)");
        param(xml, "CIRCLE", "double", "pos.outline;obs", "deg", false, "lon lat radius, degrees");
        param(xml, "POLYGON", "double", "pos.outline;obs", "deg", false, "lon lat pairs, degrees");
        param(xml, "BAND", "double", "em.wl;stat.interval", "m", false, "Wavelength interval, metres");
        xml.append("  </interface>\n </capability>\n");
        xml.append(" <capability standardID=\"ivo://ivoa.net/std/DataLink#links-1.1\">\n");
        xml.append("  <description>Links of catalogue rows (ID=ivo://skysieve/SURVEY?ROWID): the row, and cutouts")
                .append(" around it in every band whose plates cover it.</description>\n");
        xml.append("  <interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.1\">\n");
        xml.append("   <accessURL use=\"full\">").append(root).append("/datalink</accessURL>\n");
        xml.append("   <queryType>GET</queryType>\n   <queryType>POST</queryType>\n");
        xml.append("   <resultType>application/x-votable+xml;content=datalink</resultType>\n");
        param(xml, "ID", "char", "meta.id;meta.main", "", true, "ivo://skysieve/SURVEY?ROWID or"
                + " ivo://skysieve/SURVEY/TABLE?ROWID, repeatable");
        param(xml, "RESPONSEFORMAT", "char", "meta.code.mime", "", false, "votable (the only format)");
        xml.append("  </interface>\n </capability>\n");
        for (String[] vosi : new String[][] {{"capabilities", "/soda/capabilities"},
                {"availability", "/soda/availability"}}) {
            xml.append(" <capability standardID=\"ivo://ivoa.net/std/VOSI#").append(vosi[0]).append("\">\n");
            xml.append("  <interface xsi:type=\"vs:ParamHTTP\" role=\"std\">\n   <accessURL use=\"full\">").append(root)
                    .append(vosi[1]).append("</accessURL>\n  </interface>\n </capability>\n");
        }
        xml.append("</vosi:capabilities>\n");
        return xml.toString();
    }

    /** The VOSI availability document (the image services are up when the server answers). */
    public static String availability() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<vosi:availability xmlns:vosi=\"http://www.ivoa.net/xml/VOSIAvailability/v1.0\">\n"
                + " <vosi:available>true</vosi:available>\n"
                + " <vosi:note>SODA and DataLink are serving.</vosi:note>\n"
                + "</vosi:availability>\n";
    }

    private static void param(StringBuilder xml, String name, String datatype, String ucd, String unit,
            boolean required, String description) {
        xml.append("   <param std=\"true\"").append(required ? " use=\"required\"" : " use=\"optional\"").append(">\n");
        xml.append("    <name>").append(name).append("</name>\n    <description>").append(Xml.escape(description))
                .append("</description>\n    <ucd>").append(ucd).append("</ucd>\n");
        if (!unit.isEmpty()) {
            xml.append("    <unit>").append(unit).append("</unit>\n");
        }
        xml.append("    <dataType>").append(datatype).append("</dataType>\n   </param>\n");
    }
}
