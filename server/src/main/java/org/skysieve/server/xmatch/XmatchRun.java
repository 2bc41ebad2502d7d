package org.skysieve.server.xmatch;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.HatsSide;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.MatchInputs;
import org.skysieve.xmatch.MatchInputs.ResolvedSide;
import org.skysieve.xmatch.MatchSink;
import org.skysieve.xmatch.MatchSpec;
import org.skysieve.xmatch.MatchTableWriter;
import org.skysieve.xmatch.MemorySide;
import org.skysieve.xmatch.GlobalMates;
import org.skysieve.xmatch.PartitionedMatcher;
import org.skysieve.xmatch.PositionColumns;
import org.skysieve.xmatch.SideBySide;
import org.skysieve.xmatch.TableFiles;

/**
 * Runs one cross-match request: the upload (left) against each survey (right), partition by partition.
 *
 * <p>One survey: the pairs as {@code skysieve xmatch UPLOAD survey:NAME} writes them ({@link MatchTableWriter}: upload
 * columns, survey columns, {@code separation_arcsec}, {@code candidates}, {@code rank}, {@code mates}). Several surveys:
 * one row per uploaded source, in upload order, with each survey's best match side by side ({@link SideBySide}); so
 * also with one survey when the request asks for status columns ({@link XmatchStatus}).
 * Stateless; each call uses its own files.
 */
public final class XmatchRun {
    private XmatchRun() {
    }

    /** Matches {@code upload} as {@code request} asks and writes the result to {@code out} (its suffix is the format); returns the rows written. */
    public static long run(Archive archive, XmatchRequest request, UploadedCatalogue upload, Path out) {
        requireNonNull(archive, "archive is null");
        List<String> uploadColumns = request.uploadColumns().isEmpty()
                ? upload.table().columns().stream().map(Column::name).toList() : request.uploadColumns();
        for (String name : uploadColumns) {
            upload.table().require(name, "upload (parameter upload_columns)");
        }
        MatchSpec spec = MatchSpec.of(request.mode(), request.radiusArcsec());
        List<ResolvedSide> surveys = new ArrayList<>();
        try {
            for (String survey : request.surveys()) {
                surveys.add(MatchInputs.resolve("survey:" + survey, Optional.of(archive.layout().root()), Optional.empty()));
            }
            if (surveys.size() == 1 && !request.status()) {
                return single(request, upload, uploadColumns, surveys.get(0), spec, out);
            }
            return sideBySide(archive, request, upload, uploadColumns, surveys, spec, out);
        } finally {
            surveys.forEach(side -> {
                if (side.rows() instanceof HatsSide hats) {
                    hats.close();
                }
            });
        }
    }

    private static long single(XmatchRequest request, UploadedCatalogue upload, List<String> uploadColumns, ResolvedSide survey,
            MatchSpec spec, Path out) {
        List<String> surveyColumns = surveyColumns(request, request.surveys().get(0), survey);
        try (MatchTableWriter writer = new MatchTableWriter(out, uploadColumns, surveyColumns)) {
            // mates over the whole sky: a survey row near a partition's edge may be chosen by uploaded rows of two pieces
            String surveyKey = survey.defaultColumns().get(0);
            match(upload.table(), upload, uploadColumns, survey, surveyColumns, request, spec, (left, right, matchSpec, sink) ->
                    GlobalMates.match(left, right, matchSpec, sink, surveyKey), writer);
            return writer.rows();
        }
    }

    private static long sideBySide(Archive archive, XmatchRequest request, UploadedCatalogue upload, List<String> uploadColumns, List<ResolvedSide> surveys,
            MatchSpec spec, Path out) {
        int rows = upload.table().rowCount();
        long[] index = new long[rows];
        for (int i = 0; i < rows; i++) {
            index[i] = i;
        }
        List<Column> withIndex = new ArrayList<>(upload.table().columns());
        withIndex.add(new Column.LongColumn(SideBySide.ROW_COLUMN, index, new boolean[rows]));
        LoadedTable indexed = new LoadedTable(upload.table().source(), withIndex);
        List<String> leftColumns = new ArrayList<>(uploadColumns);
        leftColumns.add(SideBySide.ROW_COLUMN);
        List<Column> output = new ArrayList<>(upload.table().select(uploadColumns).columns());
        java.util.Map<String, org.skysieve.catalog.model.ColumnDoc> docs = new java.util.HashMap<>();
        for (int s = 0; s < surveys.size(); s++) {
            String name = request.surveys().get(s);
            List<String> columns = surveyColumns(request, name, surveys.get(s));
            if (request.status()) {
                ResolvedSide survey = surveys.get(s);
                output.addAll(XmatchStatus.sideBySide(archive, name, columns, indexed, upload.positions(), docs, (gatheredColumns, sink) ->
                        match(indexed, upload, leftColumns, survey, gatheredColumns, request, spec, PartitionedMatcher::match, sink)));
                continue;
            }
            SideBySide gathered = new SideBySide(name, columns, rows);
            match(indexed, upload, leftColumns, surveys.get(s), columns, request, spec, PartitionedMatcher::match, gathered);
            output.addAll(gathered.columns());
        }
        TableFiles.write(new LoadedTable(upload.table().source(), output), out, docs);
        return rows;
    }

    /** How the pieces are matched: {@link PartitionedMatcher#match} or {@link GlobalMates#match} (mates over the whole sky). */
    private interface Matching {
        void match(PartitionedMatcher.Side left, PartitionedMatcher.Side right, MatchSpec spec, MatchSink sink);
    }

    private static void match(LoadedTable table, UploadedCatalogue upload, List<String> leftColumns, ResolvedSide survey,
            List<String> surveyColumns, XmatchRequest request, MatchSpec spec, Matching matching, MatchSink sink) {
        PositionColumns surveyPositions = survey.positions();
        if (surveyPositions.properMotion().isPresent() && request.epochYear().isPresent()
                && request.epochYear().get() != surveyPositions.properMotion().get().epochYear()) {
            surveyPositions = surveyPositions.withProperMotion(surveyPositions.properMotion().get(), request.epochYear().get());
        }
        matching.match(new PartitionedMatcher.Side(new MemorySide(table, upload.positions()), upload.positions(), leftColumns),
                new PartitionedMatcher.Side(survey.rows(), surveyPositions, surveyColumns), spec, sink);
    }

    private static List<String> surveyColumns(XmatchRequest request, String survey, ResolvedSide side) {
        List<String> columns = request.surveyColumns().getOrDefault(survey, side.defaultColumns());
        List<String> available = side.rows().columnNames();
        for (String column : columns) {
            if (available.stream().noneMatch(column::equalsIgnoreCase)) {
                throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected columns of survey " + survey + " in parameter survey_columns."
                        + " Actual: " + column + " (columns: " + available + ")");
            }
        }
        return columns;
    }
}
