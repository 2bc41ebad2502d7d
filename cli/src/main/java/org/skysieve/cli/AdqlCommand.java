package org.skysieve.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.skysieve.query.AdqlException;
import org.skysieve.query.parser.AdqlParsing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code skysieve adql}: tools for ADQL text. */
@Command(name = "adql", mixinStandardHelpOptions = true, description = "ADQL tools.",
        subcommands = {AdqlCommand.Parse.class})
final class AdqlCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code skysieve adql parse FILE... | -}: grammar check, one line per input. */
    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = {"Parse each file (or standard input, '-') as one ADQL 2.1 query; grammar only, no table checks.",
                "Prints 'FILE: ok' or 'FILE: error at LINE:COLUMN: message'; exits 0 when every input parses, 1 otherwise."})
    static final class Parse implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "ADQL files; '-' reads standard input.")
        List<String> files;

        @Override
        public Integer call() {
            PrintStream out = System.out;
            boolean allParse = true;
            for (String file : files) {
                String outcome;
                try {
                    AdqlParsing.parse(read(file));
                    outcome = "ok";
                } catch (AdqlException e) {
                    outcome = e.getMessage();
                    allParse = false;
                } catch (NoSuchFileException e) {
                    outcome = "error: no such file";
                    allParse = false;
                } catch (IOException e) {
                    outcome = "error: cannot read (" + e.getMessage() + ")";
                    allParse = false;
                }
                out.println(file + ": " + outcome);
            }
            return allParse ? 0 : 1;
        }

        private static String read(String file) throws IOException {
            if (file.equals("-")) {
                InputStream in = System.in;
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        }
    }
}
