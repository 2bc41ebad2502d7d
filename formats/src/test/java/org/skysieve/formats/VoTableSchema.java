package org.skysieve.formats;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.skysieve.testing.SharedTestData;

/** The invariant checker of every VOTable we write: it validates against the IVOA VOTable 1.4 XSD (shared data). */
final class VoTableSchema {
    private static Schema schema;

    private VoTableSchema() {
    }

    static synchronized void validate(String votable) throws Exception {
        if (schema == null) {
            schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(SharedTestData.file("votable/schema/VOTable.v1.4.xsd").toFile());
        }
        schema.newValidator().validate(new StreamSource(new StringReader(votable)));
    }
}
