package org.skysieve.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of an external command, timed from start to exit (the whole process, as a user waits for it).
 *
 * @param seconds  wall time
 * @param exitCode the process's exit code
 * @param output   what it printed (stdout and stderr together)
 */
record TimedProcess(double seconds, int exitCode, String output) {
    TimedProcess {
        requireNonNull(output, "output is null");
    }

    static TimedProcess run(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return new TimedProcess((System.nanoTime() - start) / 1e9, exit, output);
    }

    boolean succeeded() {
        return exitCode == 0;
    }

    /** The first executable named {@code name} on the PATH, if any. */
    static java.util.Optional<Path> onPath(String name) {
        return allOnPath(name).stream().findFirst();
    }

    /** Every executable named {@code name} on the PATH, in PATH order. */
    static List<Path> allOnPath(String name) {
        String path = System.getenv("PATH");
        List<Path> found = new java.util.ArrayList<>();
        if (path != null) {
            for (String folder : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(folder, name);
                if (Files.isExecutable(candidate) && !found.contains(candidate)) {
                    found.add(candidate);
                }
            }
        }
        return found;
    }
}
