/**
 * Positional cross-match.
 *
 * <ul>
 *   <li>{@link org.skysieve.xmatch.SkyMatcher}: the in-memory engine, a sweep over HEALPix cells of positions held as
 *       primitive arrays ({@link org.skysieve.xmatch.SkyPositions}); modes in {@link org.skysieve.xmatch.MatchMode},
 *       radius and error radii in {@link org.skysieve.xmatch.MatchSpec}; results in
 *       {@link org.skysieve.xmatch.MatchResult}.</li>
 *   <li>{@link org.skysieve.xmatch.PartitionedMatcher}: the same, piece by piece over HATS partitions with margins
 *       ({@link org.skysieve.xmatch.HatsSide}) or tables in memory ({@link org.skysieve.xmatch.MemorySide}), results
 *       handed to a {@link org.skysieve.xmatch.MatchSink} such as {@link org.skysieve.xmatch.MatchTableWriter};
 *       {@link org.skysieve.xmatch.GlobalMates} makes its mates whole-sky counts.</li>
 *   <li>{@link org.skysieve.xmatch.MatchInputs}: what a user names (a file, {@code survey:NAME}) as a side;
 *       {@link org.skysieve.xmatch.TableReader}: files into primitive columns (FITS column-wise from a memory map).</li>
 *   <li>{@link org.skysieve.xmatch.TruthComparison}: completeness and purity of best matches on a generated sky.</li>
 *   <li>{@link org.skysieve.xmatch.BestNeighbourTables}: precomputed best neighbours between published surveys.</li>
 * </ul>
 *
 * <p>Units: degrees for positions, arcsec for radii and distances, mas/yr for proper motions, Julian years for epochs.
 */
package org.skysieve.xmatch;
