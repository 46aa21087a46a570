package io.leadrelay.pipeline;

import io.leadrelay.mapping.LeadData;

/**
 * A lead the pipeline has just enriched and stored, published in the transaction that
 * stores it; listeners that act outside the engine (new-lead notifications) wait for its
 * commit. Its answers are personal data: never log them ({@link LeadData#toString} names
 * only their keys).
 *
 * @param lead what a mapping reads of it: answers and metadata ({@code leadgen_id},
 * {@code form_id}, {@code form_name} and more)
 */
public record LeadStored(LeadData lead) {

}
