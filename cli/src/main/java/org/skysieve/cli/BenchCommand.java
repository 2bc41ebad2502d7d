package org.skysieve.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code skysieve bench}: benchmarks that run skysieve beside the tools a user would use instead. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks: skysieve beside the tools a user would use instead, on the same files, same machine.",
            "  skysieve bench xmatch --rows 1000000 [--rows 3000000] [--radius 1arcsec] [--work DIR]"},
        subcommands = {BenchXmatchCommand.class, CommandLine.HelpCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
