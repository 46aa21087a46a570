package io.leadrelay.delivery.salesforce;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The assertion of the OAuth 2.0 JWT bearer flow: an RS256-signed JWT with {@code iss} =
 * consumer key, {@code sub} = username, {@code aud} = the authorization server and
 * {@code exp} three minutes ahead (the most Salesforce accepts). Signed with
 * {@code java.security} only, from a PEM private key in PKCS#8
 * ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) form.
 */
final class SalesforceJwt {

	static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	private static final long LIFETIME_SECONDS = 180;

	private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

	private final ObjectMapper json;

	private final Clock clock;

	SalesforceJwt(ObjectMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The signed assertion.
	 * @throws GeneralSecurityException when the private key cannot be read or used
	 */
	String assertion(String clientId, String username, String loginUrl, String privateKeyPem)
			throws GeneralSecurityException {
		ObjectNode claims = this.json.createObjectNode()
			.put("iss", clientId)
			.put("sub", username)
			.put("aud", audience(loginUrl))
			.put("exp", this.clock.instant().getEpochSecond() + LIFETIME_SECONDS);
		String signingInput = URL.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(privateKey(privateKeyPem));
		signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		return signingInput + "." + URL.encodeToString(signature.sign());
	}

	/**
	 * Salesforce wants {@code https://login.salesforce.com} for production orgs and
	 * {@code https://test.salesforce.com} for sandboxes, also when the token is asked of
	 * a My Domain URL.
	 */
	static String audience(String loginUrl) {
		String host = URI.create(loginUrl).getHost();
		host = (host != null) ? host.toLowerCase(Locale.ROOT) : "";
		boolean sandbox = host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com");
		return sandbox ? "https://test.salesforce.com" : "https://login.salesforce.com";
	}

	static PrivateKey privateKey(String pem) throws GeneralSecurityException {
		boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
		String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		byte[] der;
		try {
			der = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new GeneralSecurityException("The private key is not PEM");
		}
		return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? pkcs8(der) : der));
	}

	/** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo. */
	private static byte[] pkcs8(byte[] pkcs1) {
		byte[] algorithm = { 0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
				(byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };
		byte[] octets = concat(header(0x04, pkcs1.length), pkcs1);
		byte[] body = concat(algorithm, octets);
		return concat(header(0x30, body.length), body);
	}

	private static byte[] header(int tag, int length) {
		if (length < 0x80) {
			return new byte[] { (byte) tag, (byte) length };
		}
		if (length < 0x100) {
			return new byte[] { (byte) tag, (byte) 0x81, (byte) length };
		}
		if (length < 0x10000) {
			return new byte[] { (byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length };
		}
		return new byte[] { (byte) tag, (byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length };
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = new byte[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
