package org.skysieve.query.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.skysieve.query.AdqlException;
import org.skysieve.testing.SharedTestData;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every query of the lyonetia ADQL corpus sample (../shared/data/adql) is accepted or rejected as its {@code valid}
 * attribute says (queries without the attribute, the roe ones, must parse).
 *
 * <p>All the sample's invalid queries are invalid by grammar: none needs table knowledge. Two are rejected by the
 * argument-count check of the parser rather than by ANTLR's grammar ({@code ABS(y,z)}, {@code COALESCE()}); the
 * parser owns that check because the standard's grammar spells out each function's arguments.
 */
class LyonetiaCorpusTest {

    record CorpusQuery(String file, String uuid, String adql, boolean valid) {
    }

    @Test
    void everyQueryIsAcceptedOrRejectedAsItsValidAttributeSays() throws Exception {
        List<CorpusQuery> queries = corpus();
        assertThat(queries).hasSizeGreaterThan(140);
        List<String> disagreements = new ArrayList<>();
        int rejected = 0;
        for (CorpusQuery query : queries) {
            String outcome;
            try {
                AdqlParsing.parse(query.adql());
                outcome = null;
            } catch (AdqlException e) {
                outcome = e.getMessage();
                rejected++;
                assertThat(e.getMessage()).matches("(?s)error at \\d+:\\d+: .+");
            }
            boolean accepted = outcome == null;
            if (accepted != query.valid()) {
                disagreements.add(query.file() + " " + query.uuid() + " valid=" + query.valid() + " but "
                        + (accepted ? "accepted" : outcome) + "\n    " + query.adql().strip());
            }
        }
        assertThat(disagreements).as("queries parsed against their valid attribute").isEmpty();
        assertThat(rejected).isEqualTo(queries.stream().filter(q -> !q.valid()).count());
    }

    static List<CorpusQuery> corpus() throws Exception {
        Path root = SharedTestData.folder("adql/lyonetia-sample");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        List<CorpusQuery> queries = new ArrayList<>();
        for (Path file : files) {
            queries.addAll(read(root, file));
        }
        return queries;
    }

    private static List<CorpusQuery> read(Path root, Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element document;
        try {
            document = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
        List<CorpusQuery> queries = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName("query");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element query = (Element) nodes.item(i);
            Element adql = (Element) query.getElementsByTagName("adql").item(0);
            // queries.xsd defaults valid to false, but the roe files carry no attribute and must parse (the brief)
            boolean valid = !adql.hasAttribute("valid") || adql.getAttribute("valid").equals("true");
            queries.add(new CorpusQuery(root.relativize(file).toString(), query.getAttribute("uuid"), adql.getTextContent(), valid));
        }
        return queries;
    }
}
