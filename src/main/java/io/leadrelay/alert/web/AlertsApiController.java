package io.leadrelay.alert.web;

import java.util.List;

import io.leadrelay.alert.IncidentView;
import io.leadrelay.alert.Incidents;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The open incidents, for admins and their scripts ({@code GET /api/v1/alerts}). */
@RestController
class AlertsApiController {

	private final Incidents incidents;

	AlertsApiController(Incidents incidents) {
		this.incidents = incidents;
	}

	@GetMapping("/api/v1/alerts")
	List<IncidentView> open() {
		return this.incidents.open();
	}

}
