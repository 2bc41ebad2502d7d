/**
 * skysieve on Apache Spark, over the same HATS catalogues the server reads.
 *
 * <ul>
 *   <li>{@link org.skysieve.spark.HatsDataFrames}: a catalogue as a DataFrame; a {@link org.skysieve.spark.SkySelection}
 *       (cone or MOC) chooses the partition files before any is opened; column documentation in the schema
 *       ({@link org.skysieve.spark.ColumnMetadata}).</li>
 *   <li>{@link org.skysieve.spark.SparkCrossMatch}: two catalogues (or an {@link org.skysieve.spark.UploadedTable} and a
 *       catalogue) cross-matched with the single-machine kernel ({@link org.skysieve.xmatch.PieceMatch}), one task per
 *       left partition, no shuffle of rows, whole-sky mates; written as a HATS catalogue.</li>
 *   <li>{@link org.skysieve.spark.SparkNeighbours}: best-neighbour tables as {@link org.skysieve.xmatch.BestNeighbourTables}
 *       builds them.</li>
 *   <li>{@link org.skysieve.spark.SparkMain}: the entry point for spark-submit and {@code ./skysieve spark}.</li>
 * </ul>
 *
 * <p>Catalogue locations are Hadoop paths or URIs (local, HDFS, S3 through s3a://); files are opened through
 * {@link org.skysieve.spark.HadoopFiles}. Units: degrees for positions, arcsec for radii and distances.
 */
package org.skysieve.spark;
