package io.leadrelay.metadeletion.web;

import java.net.URI;
import java.util.Map;

import io.leadrelay.metadeletion.MetaDataDeletion;
import io.leadrelay.metadeletion.MetaDataDeletions;
import io.leadrelay.metadeletion.SignedRequest;
import io.leadrelay.metadeletion.SignedRequestRefusedException;
import io.leadrelay.metadeletion.SignedRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Meta's Data Deletion Request callback, entered in the app dashboard as
 * {@code <public address>/webhooks/meta/data-deletion}. Answered with the status page's
 * address and the confirmation code, as Meta requires; a request that is not Meta's is
 * refused with 400 and a problem naming what is wrong, and nothing is stored.
 */
@RestController
class DataDeletionCallbackController {

	private static final Logger log = LoggerFactory.getLogger(DataDeletionCallbackController.class);

	private final SignedRequests signedRequests;

	private final MetaDataDeletions deletions;

	DataDeletionCallbackController(SignedRequests signedRequests, MetaDataDeletions deletions) {
		this.signedRequests = signedRequests;
		this.deletions = deletions;
	}

	@PostMapping(path = "/webhooks/meta/data-deletion", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> dataDeletion(@RequestParam(name = "signed_request", required = false) String signedRequest) {
		SignedRequest request;
		try {
			request = this.signedRequests.verify(signedRequest);
		}
		catch (SignedRequestRefusedException ex) {
			log.warn("Refused a data-deletion request from Meta: {}", ex.reason());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
			problem.setTitle("Not a valid signed_request");
			problem.setProperty("reason", ex.reason());
			problem.setProperty("field", "signed_request");
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		MetaDataDeletion deletion = this.deletions.carryOut(request);
		log.info("Carried out a data-deletion request from Meta ({}): {} page(s) deleted",
				deletion.forPage() ? "page" : "person", deletion.pagesDeleted());
		URI status = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/privacy/deletions/{code}")
			.buildAndExpand(deletion.confirmationCode())
			.toUri();
		return ResponseEntity.ok(Map.of("url", status.toString(), "confirmation_code", deletion.confirmationCode()));
	}

}
