package io.leadrelay.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that seals an audit entry into the chain: SHA-256 over the hash of the entry
 * before it, its place in the chain and every stored field. Each field is written as its
 * length (four bytes, -1 for none) followed by its UTF-8 bytes, so that no two different
 * entries encode alike ("ab" + "c" is not "a" + "bc", an empty text is not a missing
 * one).
 */
final class ChainHash {

	/** The "hash before" the first entry of the chain. */
	static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	static String of(ChainedEntry entry, long chainSeq, String prevHash) {
		MessageDigest digest = sha256();
		field(digest, prevHash);
		field(digest, Long.toString(chainSeq));
		field(digest, Long.toString(entry.id()));
		field(digest, (entry.occurredAt() != null) ? entry.occurredAt().toString() : null);
		field(digest, entry.actor());
		field(digest, entry.action());
		field(digest, entry.subjectType());
		field(digest, entry.subjectId());
		field(digest, entry.details());
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void field(MessageDigest digest, String value) {
		if (value == null) {
			digest.update(ByteBuffer.allocate(4).putInt(-1).array());
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
		digest.update(bytes);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
