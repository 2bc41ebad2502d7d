/** The HTTP server. */
package org.skysieve.server;
