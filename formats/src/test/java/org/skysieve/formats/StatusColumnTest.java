package org.skysieve.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.MissingStatus;

/** A per-band status column lists its four words as VALUES/OPTION, and the document stays valid VOTable 1.4. */
class StatusColumnTest {
    private static final ColumnDoc STATUS = ColumnDoc.of("mag_u_status", ColumnType.STRING, "", "meta.code.status;em.opt.U",
            "Why mag_u has or lacks a value").withBand("u");
    private static final ColumnDoc NOT_STATUS = ColumnDoc.of("label", ColumnType.STRING, "", "meta.note", "Free text").withBand("u");

    @Test
    void statusColumnsListTheirWords() throws Exception {
        String votable = VoTableDocuments.fieldsOnly(List.of(STATUS, NOT_STATUS), false);
        VoTableSchema.validate(votable);
        for (MissingStatus status : MissingStatus.values()) {
            assertThat(votable).contains("<OPTION name=\"" + Xml.escape(status.meaning()) + "\" value=\"" + status.word() + "\"/>");
        }
        assertThat(votable.split("<VALUES>", -1)).as("only the status column has VALUES").hasSize(2);
        assertThat(MissingStatus.isStatusColumn(STATUS)).isTrue();
        assertThat(MissingStatus.isStatusColumn(NOT_STATUS)).isFalse();
        assertThat(MissingStatus.isStatusColumn(ColumnDoc.of("s", ColumnType.STRING, "", "meta.code.status", "no band"))).isFalse();
    }
}
