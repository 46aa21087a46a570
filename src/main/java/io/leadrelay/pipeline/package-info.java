/**
 * Working through received leads: owns {@code lead_event} rows from status
 * {@code received} on. The {@code pipeline} bean, run by the {@code pipeline-*} routes,
 * claims due events from the lead event queue (a lease, {@code FOR UPDATE SKIP LOCKED}),
 * enriches each lead from the Graph API, keeps it, maps it and leaves one delivery per
 * destination; it decides every outcome ({@link io.leadrelay.pipeline.LeadEventStatus}:
 * mapped, filtered, needs_token, failed), retries transient failures and resumes parked
 * leads when their page's token changes.
 * <p>
 * Also serves stored lead events to read ({@link io.leadrelay.pipeline.LeadEvents}),
 * stored leads to preview ({@link io.leadrelay.pipeline.LeadStore}) and remaps a stored
 * lead for a replay ({@link io.leadrelay.pipeline.Remapper}). Depends on {@code graph},
 * {@code page}, {@code mapping}, {@code destination}, {@code delivery} and {@code audit};
 * not on {@code ingest}, which only appends the rows it starts from.
 */
package io.leadrelay.pipeline;
