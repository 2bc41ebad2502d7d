package org.skysieve.server.datalink;

import static java.util.Objects.requireNonNull;

/**
 * A SODA 1.0 sync service descriptor for one imaged band (DataLink 1.1 section 4): the RESOURCE id, the SODA access
 * URL, the dataset ID the descriptor fixes ({@code SURVEY/BAND}) and the band's effective wavelength in metres (the
 * BAND parameter's example interval).
 *
 * @param resourceId       the XML ID of the RESOURCE (referenced by service_def)
 * @param accessUrl        the SODA sync endpoint
 * @param datasetId        the SODA ID value
 * @param wavelengthMetres the band's effective wavelength, metres
 */
record ServiceDescriptor(String resourceId, String accessUrl, String datasetId, double wavelengthMetres) {
    ServiceDescriptor {
        requireNonNull(resourceId, "resourceId is null");
        requireNonNull(accessUrl, "accessUrl is null");
        requireNonNull(datasetId, "datasetId is null");
    }
}
