package org.skysieve.catalog.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes the survey model as JSON ({@code survey.json} beside a survey's catalogues).
 *
 * <p>The JSON has the field names of the records; {@code Optional} fields are written as a value or null.
 * Thread-safe.
 */
public final class SurveyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SurveyJson() {
    }

    /** The mapper configured for the model records, for codecs that embed the model in larger documents. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(Object modelValue) {
        try {
            return MAPPER.writeValueAsString(modelValue);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + modelValue.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid " + type.getSimpleName() + " JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static void write(Survey survey, Path file) {
        try {
            Files.writeString(file, toJson(survey));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public static Survey read(Path file) {
        try {
            return fromJson(Files.readString(file), Survey.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
