package org.skysieve.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code skysieve} command: one subcommand per job, each with {@code --help}. */
@Command(
        name = "skysieve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "An archive server for machine learning on astronomical surveys.",
        subcommands = {
            AdqlCommand.class,
            BenchCommand.class,
            CutoutCommand.class,
            DatasetCommand.class,
            DemoCommand.class,
            GenerateCommand.class,
            IngestCommand.class,
            QueryCommand.class,
            NeighboursCommand.class,
            ServeCommand.class,
            WcsCommand.class,
            XmatchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 = success); errors are printed without stack traces. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new UserErrorHandler());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
