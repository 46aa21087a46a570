package io.leadrelay.meta;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Meta app this engine receives webhooks for.
 *
 * @param appSecrets app secrets whose HMAC a POST may carry; more than one while a secret
 * is rotated
 * @param verifyToken the token typed into the webhook's "Verify Token" field
 */
@ConfigurationProperties("leadrelay.meta")
public record MetaProperties(@DefaultValue List<String> appSecrets, String verifyToken) {

	public MetaProperties {
		appSecrets = List.copyOf(appSecrets);
		for (int i = 0; i < appSecrets.size(); i++) {
			if (appSecrets.get(i).isBlank()) {
				throw new IllegalArgumentException("leadrelay.meta.app-secrets[" + i + "] must not be blank");
			}
		}
		if (verifyToken != null && verifyToken.isBlank()) {
			verifyToken = null;
		}
	}

	@Override
	public String toString() {
		return "MetaProperties[appSecrets=" + appSecrets.size() + " configured, verifyToken="
				+ ((verifyToken != null) ? "set" : "unset") + "]";
	}

}
