package io.leadrelay.metadeletion;

/**
 * Meta's data-deletion callback was carried out. Published in the transaction that
 * recorded it, for the audit trail; carries no personal data.
 *
 * @param deletion what was deleted
 */
public record MetaDataDeletionRecorded(MetaDataDeletion deletion) {

}
