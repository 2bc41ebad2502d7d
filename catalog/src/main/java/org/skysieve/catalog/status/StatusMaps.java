package org.skysieve.catalog.status;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.model.Band;
import org.skysieve.sky.moc.SpatialMoc;

/**
 * The status maps of every published survey band of an archive, read from the survey's footprint folder the first
 * time they are asked for and kept. Unknown surveys and bands, and surveys without maps, are
 * {@link StatusMapException}s of category NOT_FOUND naming what exists. Thread-safe.
 */
public final class StatusMaps {
    private final Archive archive;
    private final Map<String, BandStatusMap> bands = new ConcurrentHashMap<>();

    public StatusMaps(Archive archive) {
        this.archive = requireNonNull(archive, "archive is null");
    }

    /** The maps of {@code band} of {@code survey}. */
    public BandStatusMap band(String survey, String band) {
        requireNonNull(survey, "survey is null");
        requireNonNull(band, "band is null");
        List<String> bandNames = bandNames(survey);
        if (!bandNames.contains(band)) {
            throw new StatusMapException(StatusMapException.Category.NOT_FOUND,
                    "Unknown band '" + band + "' of survey " + survey + ". Expected one of " + bandNames);
        }
        return bands.computeIfAbsent(survey + "\u0000" + band, key -> folder(survey).read(band));
    }

    /** The union of the coverage of every band of {@code survey}, at the deepest order of its bands. */
    public SpatialMoc surveyCoverage(String survey) {
        SpatialMoc union = SpatialMoc.empty(0);
        for (String band : bandNames(survey)) {
            union = union.union(band(survey, band).coverage());
        }
        return union;
    }

    /** The union of the masks of every band of {@code survey}. */
    public SpatialMoc surveyMasks(String survey) {
        SpatialMoc union = SpatialMoc.empty(0);
        for (String band : bandNames(survey)) {
            union = union.union(band(survey, band).masks());
        }
        return union;
    }

    /** The band names of a survey that has maps. */
    public List<String> bandNames(String survey) {
        PublishedSurvey published = archive.survey(survey).orElseThrow(() -> new StatusMapException(StatusMapException.Category.NOT_FOUND,
                "Unknown survey '" + survey + "'. Expected one of " + archive.surveys().stream().map(s -> s.survey().name()).toList()));
        FootprintFolder folder = folder(survey);
        if (!folder.hasMaps()) {
            throw new StatusMapException(StatusMapException.Category.NOT_FOUND, "Survey " + survey
                    + " has no coverage maps: its footprint folder " + archive.layout().footprintFolder(survey)
                    + " holds no coverage_<band>.moc.fits nor coverage/<band>/ (add them to its descriptor's footprint section)");
        }
        return published.survey().bands().stream().map(Band::name).toList();
    }

    private FootprintFolder folder(String survey) {
        return new FootprintFolder(archive.layout().footprintFolder(survey), survey);
    }
}
