package org.skysieve.server.datalink;

import java.util.List;
import java.util.Locale;
import org.skysieve.formats.VoTableDocuments;
import org.skysieve.formats.Xml;

/**
 * The DataLink 1.1 links document: a VOTable 1.4 whose results RESOURCE holds the links table (the twelve standard
 * columns of DataLink 1.1 section 3.2, in order), followed by one SODA service descriptor RESOURCE ({@code type="meta"
 * utype="adhoc:service"}) per imaged band referenced by the rows. Stateless.
 */
final class DataLinkDocuments {
    /** The MIME type of a links response (DataLink 1.1 section 3.3). */
    static final String CONTENT_TYPE = "application/x-votable+xml;content=datalink";
    private static final String[][] FIELDS = {
        {"ID", "char", "meta.id;meta.main", "The identifier these links are for"},
        {"access_url", "char", "meta.ref.url", "Link to the resource"},
        {"service_def", "char", "meta.ref", "Reference to a service descriptor in this document"},
        {"error_message", "char", "meta.code.error", "Why the identifier could not be resolved"},
        {"semantics", "char", "meta.code", "What the resource is to the identified one (DataLink vocabulary)"},
        {"description", "char", "meta.note", "Human-readable description of the link"},
        {"content_type", "char", "meta.code.mime", "MIME type of the resource"},
        {"content_length", "long", "phys.size;meta.file", "Size of the resource (unknown: null)"},
        {"content_qualifier", "char", "meta.code.class", "Product type of the resource"},
        {"local_semantics", "char", "meta.code", "Local refinement of semantics"},
        {"link_auth", "char", "meta.code", "Whether the link needs authentication"},
        {"link_authorized", "boolean", "meta.code", "Whether the caller is authorised"},
    };

    private DataLinkDocuments() {
    }

    static String links(List<DataLinkRow> rows, List<ServiceDescriptor> descriptors) {
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<VOTABLE version=\"1.4\" xmlns=\"").append(VoTableDocuments.NAMESPACE)
                .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
        xml.append(" <RESOURCE type=\"results\">\n");
        xml.append("  <INFO name=\"standardID\" value=\"ivo://ivoa.net/std/DataLink#links-1.1\"/>\n");
        xml.append("  <TABLE name=\"links\">\n");
        for (String[] field : FIELDS) {
            xml.append("   <FIELD name=\"").append(field[0]).append("\" datatype=\"").append(field[1]).append('"');
            if (field[1].equals("char")) {
                xml.append(" arraysize=\"*\"");
            }
            if (field[0].equals("content_length")) {
                xml.append(" unit=\"byte\"");
            }
            xml.append(" ucd=\"").append(field[2]).append("\">\n    <DESCRIPTION>").append(Xml.escape(field[3]))
                    .append("</DESCRIPTION>\n");
            if (field[1].equals("long")) {
                xml.append("    <VALUES null=\"-1\"/>\n");
            }
            xml.append("   </FIELD>\n");
        }
        xml.append("   <DATA><TABLEDATA>\n");
        for (DataLinkRow row : rows) {
            xml.append("    <TR>");
            for (String cell : new String[] {row.id(), row.accessUrl(), row.serviceDef(), row.errorMessage(),
                    row.semantics(), row.description(), row.contentType(), "-1", row.contentQualifier(), "",
                    "false", ""}) {
                xml.append("<TD>").append(Xml.escape(cell)).append("</TD>");
            }
            xml.append("</TR>\n");
        }
        xml.append("   </TABLEDATA></DATA>\n  </TABLE>\n </RESOURCE>\n");
        for (ServiceDescriptor descriptor : descriptors) {
            appendDescriptor(xml, descriptor);
        }
        xml.append("</VOTABLE>\n");
        return xml.toString();
    }

    private static void appendDescriptor(StringBuilder xml, ServiceDescriptor descriptor) {
        xml.append(" <RESOURCE type=\"meta\" utype=\"adhoc:service\" ID=\"").append(Xml.escape(descriptor.resourceId()))
                .append("\">\n");
        xml.append("  <DESCRIPTION>SODA 1.0 sync cutouts of ").append(Xml.escape(descriptor.datasetId()))
                .append(": a FITS stamp around a position with the stamp's WCS</DESCRIPTION>\n");
        param(xml, "standardID", "char", "", "", "ivo://ivoa.net/std/SODA#sync-1.0", "");
        param(xml, "accessURL", "char", "", "", descriptor.accessUrl(), "");
        xml.append("  <GROUP name=\"inputParams\">\n");
        param(xml, "ID", "char", "meta.id;meta.dataset", "", descriptor.datasetId(),
                "The dataset: SURVEY/BAND (fixed by this descriptor)");
        param(xml, "POS", "char", "pos.outline;obs", "", "",
                "CIRCLE lon lat r, RANGE lon1 lon2 lat1 lat2 or POLYGON lon lat ..., degrees (ICRS)");
        paramArray(xml, "CIRCLE", "3", "circle", "pos.outline;obs", "deg",
                "Centre and radius, degrees: the stamp is the square of side 2r around the centre");
        paramArray(xml, "POLYGON", "*", "polygon", "pos.outline;obs", "deg",
                "Vertices, degrees: the stamp is the polygon's bounding box");
        double wavelength = descriptor.wavelengthMetres();
        xml.append("   <PARAM name=\"BAND\" datatype=\"double\" arraysize=\"2\" xtype=\"interval\" ucd=\"em.wl;stat.interval\""
                + " unit=\"m\" value=\"\">\n    <DESCRIPTION>Wavelength interval, metres: must hold this band's effective"
                + " wavelength (").append(String.format(Locale.ROOT, "%.4g", wavelength)).append(" m)</DESCRIPTION>\n");
        xml.append("   </PARAM>\n");
        xml.append("  </GROUP>\n </RESOURCE>\n");
    }

    private static void param(StringBuilder xml, String name, String datatype, String ucd, String unit, String value,
            String description) {
        xml.append("   <PARAM name=\"").append(name).append("\" datatype=\"").append(datatype)
                .append("\" arraysize=\"*\"");
        if (!ucd.isEmpty()) {
            xml.append(" ucd=\"").append(ucd).append('"');
        }
        if (!unit.isEmpty()) {
            xml.append(" unit=\"").append(unit).append('"');
        }
        xml.append(" value=\"").append(Xml.escape(value)).append('"');
        if (description.isEmpty()) {
            xml.append("/>\n");
        } else {
            xml.append(">\n    <DESCRIPTION>").append(Xml.escape(description)).append("</DESCRIPTION>\n   </PARAM>\n");
        }
    }

    private static void paramArray(StringBuilder xml, String name, String arraysize, String xtype, String ucd,
            String unit, String description) {
        xml.append("   <PARAM name=\"").append(name).append("\" datatype=\"double\" arraysize=\"").append(arraysize)
                .append("\" xtype=\"").append(xtype).append("\" ucd=\"").append(ucd).append("\" unit=\"").append(unit)
                .append("\" value=\"\">\n    <DESCRIPTION>").append(Xml.escape(description))
                .append("</DESCRIPTION>\n   </PARAM>\n");
    }
}
