package org.skysieve.catalog.status;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skysieve.sky.fits.FitsFormatException;
import org.skysieve.sky.healpix.PartialHealpixMap;
import org.skysieve.sky.moc.MocFiles;
import org.skysieve.sky.moc.SpatialMoc;

/**
 * The map files of one survey's footprint folder ({@code DATA/SURVEY/footprint/}), in either layout:
 * <ul>
 *   <li>generated: {@code coverage_<band>.moc.fits}, {@code masks_<band>.moc.fits},
 *       {@code masks_<band>_<reason>.moc.fits}, {@code depth_<band>.fits};</li>
 *   <li>ingested from a descriptor: the one file in {@code coverage/<band>/}, {@code masks/<band>/},
 *       {@code mask_reasons/<band>/<reason>/}, {@code depth/<band>/} (MOCs in any MOC 2.0 serialisation, the depth map a
 *       HEALPix partial-sky FITS map).</li>
 * </ul>
 * A band needs a coverage MOC; masks and depth are optional (no masks: nothing masked; no depth: limits are NaN). The
 * band's mask is the union of its mask MOC and its reason MOCs (see {@link BandStatusMap}).
 * Stateless; reads files on each call.
 */
public final class FootprintFolder {
    private final Path folder;
    private final String survey;

    public FootprintFolder(Path folder, String survey) {
        this.folder = requireNonNull(folder, "folder is null");
        this.survey = requireNonNull(survey, "survey is null");
    }

    /** Whether the folder holds a coverage map of any band. */
    public boolean hasMaps() {
        if (Files.isDirectory(folder.resolve("coverage"))) {
            return true;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "coverage_*")) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads the maps of {@code band}.
     *
     * @throws StatusMapException NOT_FOUND when the band has no coverage map, BAD_MAP when a file cannot be read
     */
    public BandStatusMap read(String band) {
        requireNonNull(band, "band is null");
        Path coverageFile = find("coverage", band, "coverage_" + band + ".moc.fits").orElseThrow(() -> new StatusMapException(
                StatusMapException.Category.NOT_FOUND, "Survey " + survey + " has no coverage map for band " + band + ": expected "
                + folder.resolve("coverage_" + band + ".moc.fits") + " or one file in " + folder.resolve("coverage").resolve(band)));
        SpatialMoc coverage = readMoc(coverageFile);
        SpatialMoc masks = find("masks", band, "masks_" + band + ".moc.fits").map(this::readMoc).orElse(SpatialMoc.empty(coverage.maxOrder()));
        Map<String, SpatialMoc> reasons = new LinkedHashMap<>();
        String prefix = "masks_" + band + "_";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, prefix + "*.moc.fits")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                reasons.put(name.substring(prefix.length(), name.length() - ".moc.fits".length()), readMoc(file));
            }
        } catch (IOException e) {
            throw badMap(folder, e);
        }
        Path reasonsFolder = folder.resolve("mask_reasons").resolve(band);
        if (Files.isDirectory(reasonsFolder)) {
            try (DirectoryStream<Path> reasonFolders = Files.newDirectoryStream(reasonsFolder, Files::isDirectory)) {
                for (Path reasonFolder : reasonFolders) {
                    String reason = reasonFolder.getFileName().toString();
                    find("mask_reasons", band + "/" + reason, "").map(this::readMoc).ifPresent(moc -> reasons.put(reason, moc));
                }
            } catch (IOException e) {
                throw badMap(reasonsFolder, e);
            }
        }
        PartialHealpixMap depth = find("depth", band, "depth_" + band + ".fits").map(this::readDepth).orElse(null);
        return new BandStatusMap(survey, band, coverage, masks, reasons, depth);
    }

    private Optional<Path> find(String kind, String band, String generatedName) {
        Path generated = folder.resolve(generatedName);
        if (Files.isRegularFile(generated)) {
            return Optional.of(generated);
        }
        Path bandFolder = folder.resolve(kind).resolve(band);
        if (!Files.isDirectory(bandFolder)) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(bandFolder, Files::isRegularFile)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw badMap(bandFolder, e);
        }
        if (files.size() > 1) {
            throw new StatusMapException(StatusMapException.Category.BAD_MAP, "Expected one " + kind + " map in " + bandFolder
                    + ". Actual: " + files.size() + " files " + files.stream().map(path -> path.getFileName().toString()).sorted().toList());
        }
        return files.stream().findFirst();
    }

    private SpatialMoc readMoc(Path file) {
        try {
            return MocFiles.read(file);
        } catch (IOException | IllegalArgumentException e) {
            throw badMap(file, e);
        }
    }

    private PartialHealpixMap readDepth(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return PartialHealpixMap.read(in, file.toString());
        } catch (IOException | FitsFormatException e) {
            throw badMap(file, e);
        }
    }

    private StatusMapException badMap(Path file, Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return new StatusMapException(StatusMapException.Category.BAD_MAP, "Cannot read the map " + file + " of survey " + survey
                + ": " + (message.startsWith(file.toString()) ? message.substring(file.toString().length() + 2) : message), e);
    }
}
