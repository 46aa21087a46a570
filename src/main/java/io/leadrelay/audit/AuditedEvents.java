package io.leadrelay.audit;

import java.time.Clock;
import java.util.Map;

import io.leadrelay.destination.DestinationChanged;
import io.leadrelay.mapping.MappingSaved;
import io.leadrelay.metadeletion.MetaDataDeletion;
import io.leadrelay.metadeletion.MetaDataDeletionRecorded;
import io.leadrelay.page.PageChanged;
import io.leadrelay.security.TokenChanged;
import io.leadrelay.security.TwoFactorChanged;
import io.leadrelay.security.PasswordChanged;
import io.leadrelay.security.SignInRefused;
import io.leadrelay.security.UserChanged;
import io.leadrelay.security.UserCreated;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the changes that features announce as events: pages, destinations, mappings and
 * users. The listeners run synchronously, in the publisher's transaction, so a change and
 * its audit entry commit or roll back together. Those features know nothing of the audit
 * trail. The lead's journey (ingest, pipeline, delivery) and reconciliation (which writes
 * through ingest, so the audit trail may not depend on it) call {@link AuditLog}
 * themselves, in the same transaction as each step.
 */
@Component
class AuditedEvents {

	private final AuditLog log;

	private final Clock clock;

	AuditedEvents(AuditLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	@EventListener
	void pageCreated(PageChanged.Created event) {
		page(event, event.actor(), "page.created", AuditDetails.of("tokenChanged", true));
	}

	@EventListener
	void pageUpdated(PageChanged.Updated event) {
		page(event, event.actor(), "page.updated", AuditDetails.of("tokenChanged", event.tokenChanged()));
	}

	@EventListener
	void pageDeleted(PageChanged.Deleted event) {
		page(event, event.actor(), "page.deleted", null);
	}

	@EventListener
	void tokenVerdictChanged(PageChanged.TokenVerdictChanged event) {
		page(event, "system", "page.token_" + event.status().code(), null);
	}

	@EventListener
	void appInstalled(PageChanged.AppInstalled event) {
		page(event, event.actor(), (event.refusal() != null) ? "page.app_install_refused" : "page.app_installed",
				AuditDetails.of("refusal", event.refusal()));
	}

	@EventListener
	void appUninstalled(PageChanged.AppUninstalled event) {
		page(event, event.actor(), (event.refusal() != null) ? "page.app_uninstall_refused" : "page.app_uninstalled",
				AuditDetails.of("refusal", event.refusal()));
	}

	@EventListener
	void destinationCreated(DestinationChanged.Created event) {
		destination(event, event.actor(), "destination.created",
				AuditDetails.of("type", event.type(), "enabled", event.enabled()));
	}

	@EventListener
	void destinationUpdated(DestinationChanged.Updated event) {
		destination(event, event.actor(), "destination.updated",
				AuditDetails.of("credentialsChanged", event.credentialsChanged()));
	}

	@EventListener
	void destinationDeleted(DestinationChanged.Deleted event) {
		destination(event, event.actor(), "destination.deleted",
				(event.deadDeliveries() > 0) ? AuditDetails.of("deadDeliveries", event.deadDeliveries()) : null);
	}

	@EventListener
	void credentialsRefused(DestinationChanged.CredentialsRefused event) {
		destination(event, "system", "destination.needs_credentials", null);
	}

	@EventListener
	void mappingSaved(MappingSaved event) {
		this.log.record(new AuditEntry(event.savedAt(), event.actor(), "mapping." + event.change().code(), "mapping",
				event.mappingId(), AuditDetails.of("version", event.version(), "from_version", event.fromVersion(),
						"file", event.file())));
	}

	@EventListener
	void userCreated(UserCreated event) {
		record(event.actor(), "user.created", "user", event.username(),
				AuditDetails.of("role", event.role().name(), "reason", event.reason()));
	}

	@EventListener
	void userRoleChanged(UserChanged.RoleChanged event) {
		user(event, "user.role_changed", AuditDetails.of("from", event.from().name(), "to", event.to().name()));
	}

	@EventListener
	void userDisabled(UserChanged.Disabled event) {
		user(event, "user.disabled", null);
	}

	@EventListener
	void userEnabled(UserChanged.Enabled event) {
		user(event, "user.enabled", null);
	}

	@EventListener
	void userPasswordReset(UserChanged.PasswordReset event) {
		user(event, "user.password_reset", null);
	}

	@EventListener
	void twoFactorEnabled(TwoFactorChanged.Enabled event) {
		record(event.actor(), "user.two_factor_enabled", "user", event.username(), null);
	}

	@EventListener
	void twoFactorDisabled(TwoFactorChanged.Disabled event) {
		record(event.actor(), "user.two_factor_disabled", "user", event.username(), null);
	}

	@EventListener
	void recoveryCodeUsed(TwoFactorChanged.RecoveryCodeUsed event) {
		record(event.username(), "user.recovery_code_used", "user", event.username(),
				AuditDetails.of("remaining", event.remaining()));
	}

	@EventListener
	void twoFactorCodeRefused(TwoFactorChanged.CodeRefused event) {
		record(event.username(), "user.two_factor_code_refused", "user", event.username(), AuditDetails.of("address",
				event.address(), "lockedUntil", (event.lockedUntil() != null) ? event.lockedUntil().toString() : null));
	}

	@EventListener
	void signInFailed(SignInRefused.Failed event) {
		record("anonymous", "user.sign_in_failed", "user", event.username(),
				AuditDetails.of("address", event.address(), "credential", event.credential()));
	}

	@EventListener
	void lockedOut(SignInRefused.LockedOut event) {
		record("system", event.subjectType() + ".locked_out", event.subjectType(), event.subject(),
				AuditDetails.of("address", event.address(), "lockouts", event.lockouts(), "seconds",
						event.lockout().toSeconds(), "until", event.until().toString()));
	}

	@EventListener
	void passwordChanged(PasswordChanged event) {
		record(event.username(), "user.password_changed", "user", event.username(),
				AuditDetails.of("forced", event.forced()));
	}

	@EventListener
	void tokenCreated(TokenChanged.Created event) {
		token(event, "token.created", AuditDetails.of("owner", event.owner(), "name", event.name(), "expiresAt",
				event.expiresAt().toString()));
	}

	@EventListener
	void tokenRevoked(TokenChanged.Revoked event) {
		token(event, "token.revoked", AuditDetails.of("owner", event.owner(), "name", event.name()));
	}

	@EventListener
	void metaDataDeletion(MetaDataDeletionRecorded event) {
		MetaDataDeletion deletion = event.deletion();
		this.log
			.record(new AuditEntry(deletion.receivedAt(), "meta", "privacy.meta_data_deletion", "meta_data_deletion",
					deletion.confirmationCode(), AuditDetails.of("for", deletion.forPage() ? "page" : "person",
							"pagesDeleted", deletion.pagesDeleted(), "tokensDeleted", deletion.tokensDeleted())));
	}

	private void token(TokenChanged event, String action, Map<String, ?> details) {
		record(event.actor(), action, "api_token", String.valueOf(event.tokenId()), details);
	}

	private void page(PageChanged event, String actor, String action, Map<String, ?> details) {
		record(actor, action, "page", event.pageId(), details);
	}

	private void user(UserChanged event, String action, Map<String, ?> details) {
		record(event.actor(), action, "user", event.username(), details);
	}

	private void destination(DestinationChanged event, String actor, String action, Map<String, ?> details) {
		record(actor, action, "destination", event.destinationId(), details);
	}

	private void record(String actor, String action, String subjectType, String subjectId, Map<String, ?> details) {
		this.log.record(new AuditEntry(this.clock.instant(), actor, action, subjectType, subjectId, details));
	}

}
