package io.leadrelay.crypto;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys the engine encrypts with: those configured in {@code leadrelay.crypto.keys},
 * or, when there are none, a key generated at the first start and kept in
 * {@code leadrelay.crypto.key-file}, so that secrets can be stored with no setup and
 * still decrypt after a restart. Configured keys win: the key file is then only read when
 * it exists, so that what was stored with it still decrypts (and moves to the active key
 * when saved again).
 */
final class EncryptionKeys {

	/**
	 * The key id of the generated key, which stored values name
	 * ({@code v1:generated:...}).
	 */
	static final String GENERATED = "generated";

	private static final Logger log = LoggerFactory.getLogger(EncryptionKeys.class);

	private EncryptionKeys() {
	}

	/** The configured keys, completed with the key file's key. */
	static CryptoProperties resolve(CryptoProperties configured) {
		KeyFile file = new KeyFile(configured.keyFile());
		if (configured.keys().isEmpty()) {
			return new CryptoProperties(Map.of(GENERATED, generatedKey(file)), GENERATED, configured.keyFile());
		}
		if (!file.exists()) {
			return configured;
		}
		if (configured.keys().containsKey(GENERATED)) {
			log.info("leadrelay.crypto.keys.{} is configured: the key file {} is not read", GENERATED, file.path());
			return configured;
		}
		Map<String, String> keys = new HashMap<>(configured.keys());
		keys.put(GENERATED, checked(file));
		log.info(
				"The generated key in {} still decrypts secrets stored with it; new secrets are encrypted with "
						+ "leadrelay.crypto.keys.{}, and each moves to it when saved again",
				file.path(), configured.activeKeyId());
		return new CryptoProperties(keys, configured.activeKeyId(), configured.keyFile());
	}

	private static String generatedKey(KeyFile file) {
		if (file.exists()) {
			String key = checked(file);
			log.info("Encrypting page tokens and CRM credentials with the generated key in {} "
					+ "(leadrelay.crypto.keys is empty)", file.path());
			return key;
		}
		String key = file.create();
		log.warn("leadrelay.crypto.keys is empty: generated the key that encrypts page tokens and CRM credentials "
				+ "in {} (readable by this user only). Back it up with the database. To keep it in the "
				+ "configuration instead, set leadrelay.crypto.keys.{} to its content as ENC(...) and delete the file",
				file.path(), GENERATED);
		return key;
	}

	private static String checked(KeyFile file) {
		String key = file.read();
		if (file.openToOthers()) {
			log.warn("The encryption key file {} may be read by other users: chmod 600 it", file.path());
		}
		return key;
	}

}
