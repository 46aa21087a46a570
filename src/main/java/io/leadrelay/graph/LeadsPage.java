package io.leadrelay.graph;

import java.util.List;

/**
 * One page of a form's leads.
 *
 * @param leads the leads on this page
 * @param nextCursor the cursor of the next page, or {@code null} on the last
 */
public record LeadsPage(List<GraphLead> leads, String nextCursor) {

}
