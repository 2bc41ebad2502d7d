package org.skysieve.catalog.hats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the partitions of a catalogue: from {@code partition_info.csv}, else from the {@code dataset/} folder names. */
final class HatsPartitionListing {
    static final String PARTITION_INFO = "partition_info.csv";
    private static final Pattern NPIX = Pattern.compile("Npix=(\\d+)(.*)");

    private HatsPartitionListing() {
    }

    static List<HatsPartition> partitions(Path directory, Path dataset, String npixSuffix) {
        Path info = directory.resolve(PARTITION_INFO);
        List<HatsPixel> pixels;
        if (Files.isRegularFile(info)) {
            pixels = readPartitionInfo(info);
        } else if (Files.isDirectory(dataset)) {
            pixels = listDataset(dataset);
        } else {
            throw new HatsException("Expected partition_info.csv or a dataset folder in " + directory + ". Actual: neither");
        }
        List<HatsPartition> partitions = new ArrayList<>();
        for (HatsPixel pixel : pixels.stream().sorted().toList()) {
            Path location = dataset.resolve(HatsPartition.relativePath(pixel, npixSuffix));
            List<Path> files;
            if (npixSuffix.endsWith("/")) {
                if (!Files.isDirectory(location)) {
                    throw new HatsException("Expected partition folder " + location + ". Actual: missing");
                }
                files = HatsCatalog.listFolder(location);
            } else {
                if (!Files.isRegularFile(location)) {
                    throw new HatsException("Expected partition file " + location + ". Actual: missing");
                }
                files = List.of(location);
            }
            partitions.add(new HatsPartition(pixel, files));
        }
        return List.copyOf(partitions);
    }

    static List<HatsPixel> readPartitionInfo(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        if (lines.isEmpty()) {
            throw new HatsException("Expected a header line Norder,Npix in " + file + ". Actual: empty file");
        }
        List<String> header = List.of(lines.get(0).strip().split(","));
        int orderIndex = indexOfIgnoringCase(header, "Norder");
        int pixelIndex = indexOfIgnoringCase(header, "Npix");
        if (orderIndex < 0 || pixelIndex < 0) {
            throw new HatsException("Expected columns Norder and Npix in the header of " + file + ". Actual: " + lines.get(0));
        }
        List<HatsPixel> pixels = new ArrayList<>();
        for (int line = 1; line < lines.size(); line++) {
            String text = lines.get(line).strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] cells = text.split(",");
            try {
                pixels.add(new HatsPixel(Integer.parseInt(cells[orderIndex].strip()), Long.parseLong(cells[pixelIndex].strip())));
            } catch (RuntimeException e) {
                throw new HatsException("Expected Norder and Npix integers at line " + (line + 1) + " of " + file + ". Actual: " + text, e);
            }
        }
        return pixels;
    }

    private static List<HatsPixel> listDataset(Path dataset) {
        List<HatsPixel> pixels = new ArrayList<>();
        try (Stream<Path> orders = Files.list(dataset)) {
            for (Path orderFolder : orders.filter(Files::isDirectory).toList()) {
                String orderName = orderFolder.getFileName().toString();
                if (!orderName.startsWith("Norder=")) {
                    continue;
                }
                int order = Integer.parseInt(orderName.substring("Norder=".length()));
                try (Stream<Path> dirs = Files.list(orderFolder)) {
                    for (Path dirFolder : dirs.filter(Files::isDirectory).toList()) {
                        try (Stream<Path> entries = Files.list(dirFolder)) {
                            for (Path entry : entries.toList()) {
                                Matcher matcher = NPIX.matcher(entry.getFileName().toString());
                                if (matcher.matches()) {
                                    pixels.add(new HatsPixel(order, Long.parseLong(matcher.group(1))));
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dataset, e);
        }
        return pixels;
    }

    private static int indexOfIgnoringCase(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }
}
