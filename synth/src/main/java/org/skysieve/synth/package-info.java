/** The synthetic universe and the surveys observing it, with their truth. */
package org.skysieve.synth;
