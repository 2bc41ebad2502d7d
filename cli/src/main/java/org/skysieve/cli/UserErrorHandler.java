package org.skysieve.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's message, not its stack trace (set SKYSIEVE_DEBUG=1 for the trace), and exits with 1.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        commandLine.getErr().println("skysieve " + commandLine.getCommandName() + ": " + message);
        if (System.getenv("SKYSIEVE_DEBUG") != null) {
            exception.printStackTrace(commandLine.getErr());
        }
        return 1;
    }
}
