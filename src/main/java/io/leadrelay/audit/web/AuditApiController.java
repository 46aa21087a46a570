package io.leadrelay.audit.web;

import io.leadrelay.audit.AuditChain;
import io.leadrelay.audit.AuditSlice;
import io.leadrelay.audit.AuditTrail;
import io.leadrelay.audit.ChainVerdict;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit}: the audit trail, newest first, filtered and paged by a
 * cursor; {@code POST /api/v1/audit/verify}: whether it is as it was written. Admins only
 * (AccessPolicy).
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

	private final AuditTrail trail;

	private final AuditChain chain;

	AuditApiController(AuditTrail trail, AuditChain chain) {
		this.trail = trail;
		this.chain = chain;
	}

	@GetMapping
	AuditSlice list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String before, @RequestParam(defaultValue = "50") int size) {
		AuditQuery query = new AuditQuery(actor, action, subjectType, subjectId, from, to, before);
		return this.trail.find(query.filter(), query.beforeId(), AuditQuery.size(size));
	}

	@PostMapping("/verify")
	ChainVerdict verify() {
		return this.chain.verify();
	}

}
