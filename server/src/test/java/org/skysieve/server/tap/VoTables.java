package org.skysieve.server.tap;


import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.skysieve.testing.SharedTestData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Test helpers: validates VOTables against the IVOA 1.4 XSD (shared data) and reads TABLEDATA cells and INFOs. */
final class VoTables {
    private static Schema schema;

    private VoTables() {
    }

    static synchronized void validate(String votable) throws Exception {
        if (schema == null) {
            Path xsd = SharedTestData.file("votable/schema/VOTable.v1.4.xsd");
            schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile());
        }
        schema.newValidator().validate(new StreamSource(new StringReader(votable)));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** The TABLEDATA rows as text cells. */
    static List<List<String>> rows(String votable) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        NodeList trs = parse(votable).getElementsByTagNameNS("*", "TR");
        for (int i = 0; i < trs.getLength(); i++) {
            NodeList tds = ((Element) trs.item(i)).getElementsByTagNameNS("*", "TD");
            List<String> row = new ArrayList<>();
            for (int j = 0; j < tds.getLength(); j++) {
                row.add(tds.item(j).getTextContent());
            }
            rows.add(row);
        }
        return rows;
    }

    /** The values of INFO elements named QUERY_STATUS, in document order. */
    static List<String> queryStatus(String votable) throws Exception {
        List<String> values = new ArrayList<>();
        NodeList infos = parse(votable).getElementsByTagNameNS("*", "INFO");
        for (int i = 0; i < infos.getLength(); i++) {
            Element info = (Element) infos.item(i);
            if (info.getAttribute("name").equals("QUERY_STATUS")) {
                values.add(info.getAttribute("value"));
            }
        }
        return values;
    }
}
