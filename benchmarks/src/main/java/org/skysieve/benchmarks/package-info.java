/** JMH benchmarks; run {@code java -jar benchmarks/target/benchmarks.jar}. */
package org.skysieve.benchmarks;
