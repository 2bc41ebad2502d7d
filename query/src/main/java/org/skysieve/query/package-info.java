/**
 * ADQL 2.1 over the archive's surveys.
 *
 * <p>Pipeline: {@link org.skysieve.query.parser.AdqlParsing} (ANTLR grammar → immutable tree of records in
 * {@link org.skysieve.query.tree}) → {@link org.skysieve.query.check.Analyzer} (names resolved against a
 * {@link org.skysieve.query.check.TableRegistry}, result column documentation) →
 * {@link org.skysieve.query.translate.Translation} (small rewrite rules, then DuckDB SQL printed from the tree) →
 * {@link org.skysieve.query.QueryEngine} (a locked-down DuckDB, streamed results).
 *
 * <p>Use from a service (e.g. a TAP handler):
 * <pre>{@code
 * QueryEngine engine = QueryEngine.open(archive, tapSchemaTables, List.of(uploadFolder)); // once, shared by threads
 * QueryOptions options = new QueryOptions(maxrec, Duration.ofSeconds(60), uploads);      // per request
 * try (QueryResult result = engine.execute(adql, options)) {
 *     List<ColumnDoc> columns = result.columns();   // unit, UCD, description, flags of each column
 *     while (result.next()) {                        // stops after maxrec rows
 *         Object first = result.rows().getObject(1); // JDBC type = columns.get(0).type().sqlType()
 *     }
 *     boolean overflow = result.overflow();          // TAP OVERFLOW
 * } catch (AdqlException e) {                        // e.kind(), e.position(), e.getMessage(): "error at L:C: ..."
 * }
 * }</pre>
 *
 * <p>To write large results, {@link org.skysieve.query.QueryEngine#executeChunked} gives DuckDB's data chunks instead of
 * JDBC rows (what the TAP service uses, through {@code formats.DuckDbChunkRows}): no JDBC call and no object per cell.
 */
package org.skysieve.query;
