package org.skysieve.query.parser;

import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.LexerNoViableAltException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.skysieve.query.AdqlException;
import org.skysieve.query.tree.Position;
import org.skysieve.query.tree.QueryExpression;

/**
 * Parses ADQL 2.1 text into a {@link QueryExpression}: grammar only, no table checks. Stateless and thread-safe.
 *
 * <p>Limits (so that no text can exhaust the stack or the memory of the service): at most {@value #MAXIMUM_LENGTH}
 * characters, parentheses nested at most {@value #MAXIMUM_NESTING} deep, literals of at most
 * {@value #MAXIMUM_LITERAL_LENGTH} characters. Errors are {@link AdqlException}s of kind SYNTAX or LIMIT with the
 * line and column of the first problem.
 */
public final class AdqlParsing {
    public static final int MAXIMUM_LENGTH = 200_000;
    public static final int MAXIMUM_NESTING = 64;
    public static final int MAXIMUM_LITERAL_LENGTH = 10_000;
    /** Binary operators (AND, OR, +, ||, ...) make nested trees: a chain of thousands would exhaust the stack. */
    public static final int MAXIMUM_OPERATORS = 1_000;
    private static final int MAXIMUM_NUMBER_LENGTH = 64;

    private AdqlParsing() {
    }

    /** The query tree of {@code adql}, or an {@link AdqlException} saying where and why the text is not ADQL. */
    public static QueryExpression parse(String adql) {
        if (adql.length() > MAXIMUM_LENGTH) {
            throw new AdqlException(AdqlException.Kind.LIMIT, new Position(1, 1),
                    "the query has " + adql.length() + " characters; at most " + MAXIMUM_LENGTH + " are accepted");
        }
        AdqlLexer lexer = new AdqlLexer(CharStreams.fromString(adql));
        ThrowingListener listener = new ThrowingListener();
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkLimits(tokens.getTokens());
        try {
            return new AdqlTreeBuilder().query(parseTree(tokens, listener));
        } catch (StackOverflowError e) {
            // a backstop: the operator limit above keeps legitimate queries far from this
            throw new AdqlException(AdqlException.Kind.LIMIT, new Position(1, 1), "the query is nested too deeply to analyse");
        }
    }

    /**
     * Two-stage parsing (ANTLR's advice for speed): the fast SLL prediction first, bailing out at the first problem;
     * only then full LL, which also gives the error message.
     */
    private static AdqlParser.QueryContext parseTree(CommonTokenStream tokens, ThrowingListener listener) {
        AdqlParser parser = new AdqlParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return parser.query();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(listener);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return parser.query();
        }
    }

    private static void checkLimits(List<Token> tokens) {
        int depth = 0;
        int operators = 0;
        for (Token token : tokens) {
            if (OPERATOR_TEXTS.contains(token.getText().toUpperCase(java.util.Locale.ROOT)) && ++operators > MAXIMUM_OPERATORS) {
                throw new AdqlException(AdqlException.Kind.LIMIT, AdqlTreeBuilder.position(token),
                        "more than " + MAXIMUM_OPERATORS + " operators; split the query (an IN list counts as one)");
            }
            String text = token.getText();
            if (text.equals("(")) {
                depth++;
                if (depth > MAXIMUM_NESTING) {
                    throw new AdqlException(AdqlException.Kind.LIMIT, AdqlTreeBuilder.position(token),
                            "parentheses nested deeper than " + MAXIMUM_NESTING + " levels");
                }
            } else if (text.equals(")")) {
                depth--;
            }
            int type = token.getType();
            boolean number = type == AdqlLexer.UNSIGNED_INTEGER || type == AdqlLexer.DECIMAL_NUMBER || type == AdqlLexer.HEX_INTEGER;
            if ((number && text.length() > MAXIMUM_NUMBER_LENGTH) || text.length() > MAXIMUM_LITERAL_LENGTH) {
                throw new AdqlException(AdqlException.Kind.LIMIT, AdqlTreeBuilder.position(token),
                        "a literal or name of " + text.length() + " characters; at most "
                                + (number ? MAXIMUM_NUMBER_LENGTH + " for a number" : MAXIMUM_LITERAL_LENGTH) + " are accepted");
            }
        }
    }

    private static final java.util.Set<String> OPERATOR_TEXTS = java.util.Set.of("AND", "OR", "+", "-", "*", "/", "||", "&", "|", "^");

    private static final List<Integer> EXPRESSION_STARTS = List.of(AdqlLexer.CASE,
            AdqlLexer.CAST, AdqlLexer.CHAR, AdqlLexer.VARCHAR, AdqlLexer.PRECISION, AdqlLexer.FALSE, AdqlLexer.TRUE,
            AdqlLexer.NULL, AdqlLexer.LEFT, AdqlLexer.RIGHT, AdqlLexer.UNSIGNED_INTEGER, AdqlLexer.HEX_INTEGER,
            AdqlLexer.DECIMAL_NUMBER, AdqlLexer.STRING, AdqlLexer.IDENTIFIER, AdqlLexer.DELIMITED_IDENTIFIER,
            literalType("'+'"), literalType("'-'"), literalType("'~'"), literalType("'('"));

    private static int literalType(String literal) {
        for (int type = 1; type <= AdqlLexer.VOCABULARY.getMaxTokenType(); type++) {
            if (literal.equals(AdqlLexer.VOCABULARY.getLiteralName(type))) {
                return type;
            }
        }
        throw new IllegalStateException("No token " + literal);
    }

    /** Stops at the first error with a message that says what was found and what was expected. */
    private static final class ThrowingListener extends BaseErrorListener {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                String message, RecognitionException exception) {
            Position at = new Position(line, charPositionInLine + 1);
            if (!(recognizer instanceof Parser parser)) {
                throw AdqlTreeBuilder.syntax(at, lexerMessage(exception, message));
            }
            Token offending = (Token) offendingSymbol;
            String found = offending == null || offending.getType() == Token.EOF
                    ? "end of query"
                    : "'" + offending.getText() + "'";
            IntervalSet expected = exception != null && !(exception instanceof NoViableAltException)
                    ? exception.getExpectedTokens()
                    : parser.getExpectedTokens();
            String expectation = describe(expected, parser);
            if (found.equals("'<EOF>'")) {
                found = "end of query";
            }
            if (exception instanceof NoViableAltException || exception instanceof InputMismatchException || exception == null) {
                throw AdqlTreeBuilder.syntax(at, "unexpected " + found + (expectation.isEmpty() ? "" : "; expected " + expectation));
            }
            throw AdqlTreeBuilder.syntax(at, "unexpected " + found + "; " + message);
        }

        private static String lexerMessage(RecognitionException exception, String message) {
            if (exception instanceof LexerNoViableAltException lexerException) {
                String input = lexerException.getInputStream().getText(
                        org.antlr.v4.runtime.misc.Interval.of(lexerException.getStartIndex(), lexerException.getStartIndex()));
                if (input.equals("'")) {
                    return "a string literal is not closed (missing ')";
                }
                if (input.equals(";")) {
                    return "unexpected ';': one query per request, statements cannot be chained";
                }
                if (input.equals("\"")) {
                    return "a delimited identifier is not closed or is empty (missing \")";
                }
                return "unexpected character '" + input + "'; ADQL does not use it outside strings and delimited identifiers";
            }
            return message;
        }

        private static String describe(IntervalSet expected, Parser parser) {
            if (expected == null || expected.isNil()) {
                return "";
            }
            List<Integer> types = new ArrayList<>(expected.toList());
            List<String> names = new ArrayList<>();
            // a list of every token that can start an expression helps nobody: name the category instead
            if (types.containsAll(List.of(AdqlLexer.IDENTIFIER, AdqlLexer.STRING, AdqlLexer.UNSIGNED_INTEGER))) {
                types.removeAll(EXPRESSION_STARTS);
                boolean condition = types.contains(AdqlLexer.NOT) && types.contains(AdqlLexer.EXISTS);
                if (condition) {
                    types.remove(Integer.valueOf(AdqlLexer.NOT));
                    types.remove(Integer.valueOf(AdqlLexer.EXISTS));
                }
                names.add(condition ? "a condition" : "an expression");
            }
            for (int type : types) {
                names.add(switch (type) {
                    case Token.EOF -> "end of query";
                    case AdqlLexer.IDENTIFIER -> "a name";
                    case AdqlLexer.DELIMITED_IDENTIFIER -> "a \"delimited name\"";
                    case AdqlLexer.UNSIGNED_INTEGER -> "an integer";
                    case AdqlLexer.DECIMAL_NUMBER -> "a number";
                    case AdqlLexer.HEX_INTEGER -> "a hexadecimal number";
                    case AdqlLexer.STRING -> "a 'string'";
                    default -> parser.getVocabulary().getDisplayName(type);
                });
            }
            if (names.size() > 12) {
                return "one of " + String.join(", ", names.subList(0, 12)) + ", ...";
            }
            return names.size() == 1 ? names.get(0) : "one of " + String.join(", ", names);
        }
    }
}
