package org.skysieve.server.datalink;

import static java.util.Objects.requireNonNull;

/**
 * One row of a DataLink 1.1 links table ({@code ivo://ivoa.net/std/DataLink#links-1.1}). Exactly one of
 * {@code accessUrl}, {@code serviceDef}, {@code errorMessage} is non-empty; empty strings stand for null cells.
 *
 * @param id            the identifier the row answers (as given in the request)
 * @param accessUrl     a link to the resource
 * @param serviceDef    the ID of a service descriptor RESOURCE in the same document
 * @param errorMessage  why the identifier could not be resolved
 * @param semantics     a term of the DataLink core vocabulary, such as {@code #this} or {@code #cutout}
 * @param description   a human-readable description
 * @param contentType   the MIME type of the resource
 * @param contentQualifier the product type of the resource (an IVOA product-type term such as {@code #image}), or empty
 */
record DataLinkRow(String id, String accessUrl, String serviceDef, String errorMessage, String semantics,
        String description, String contentType, String contentQualifier) {
    DataLinkRow {
        requireNonNull(id, "id is null");
        requireNonNull(accessUrl, "accessUrl is null");
        requireNonNull(serviceDef, "serviceDef is null");
        requireNonNull(errorMessage, "errorMessage is null");
        requireNonNull(semantics, "semantics is null");
        requireNonNull(description, "description is null");
        requireNonNull(contentType, "contentType is null");
        requireNonNull(contentQualifier, "contentQualifier is null");
        int filled = (accessUrl.isEmpty() ? 0 : 1) + (serviceDef.isEmpty() ? 0 : 1) + (errorMessage.isEmpty() ? 0 : 1);
        if (filled != 1) {
            throw new IllegalArgumentException("Expected exactly one of access_url, service_def, error_message. Actual: "
                    + filled);
        }
    }

    static DataLinkRow link(String id, String accessUrl, String semantics, String description, String contentType,
            String contentQualifier) {
        return new DataLinkRow(id, accessUrl, "", "", semantics, description, contentType, contentQualifier);
    }

    static DataLinkRow service(String id, String serviceDef, String semantics, String description) {
        return new DataLinkRow(id, "", serviceDef, "", semantics, description, "", "");
    }

    static DataLinkRow error(String id, String message) {
        return new DataLinkRow(id, "", "", message, "#this", "", "", "");
    }
}
