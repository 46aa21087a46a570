package io.leadrelay.page.connect;

import java.util.ArrayList;
import java.util.List;

import io.leadrelay.graph.GraphClient;
import io.leadrelay.graph.GraphResult;
import io.leadrelay.graph.ManagedPage;
import io.leadrelay.page.PageChanged;
import io.leadrelay.page.PageNotFoundException;
import io.leadrelay.page.PageTokenChecks;
import io.leadrelay.page.PageView;
import io.leadrelay.page.Pages;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Connects pages (keeps their token, installs this app on them for their leads, checks
 * the token) and disconnects them (removes the app where Meta lets it, forgets the token
 * and the page's forms).
 */
@Service
public class PageConnections {

	private final Pages pages;

	private final PageTokenChecks tokenChecks;

	private final GraphClient graph;

	private final ApplicationEventPublisher events;

	PageConnections(Pages pages, PageTokenChecks tokenChecks, GraphClient graph, ApplicationEventPublisher events) {
		this.pages = pages;
		this.tokenChecks = tokenChecks;
		this.graph = graph;
		this.events = events;
	}

	/** Connects each page (or gives a known one its new token), one after the other. */
	public List<Connected> connect(List<ManagedPage> chosen, String actor) {
		List<Connected> connected = new ArrayList<>();
		for (ManagedPage page : chosen) {
			connected.add(connect(page, actor));
		}
		return connected;
	}

	private Connected connect(ManagedPage page, String actor) {
		boolean known = known(page.pageId());
		if (known) {
			this.pages.update(page.pageId(), page.name(), page.accessToken(), actor);
		}
		else {
			this.pages.create(page.pageId(), page.name(), page.accessToken(), actor);
		}
		String refusal = refusal(this.graph.installApp(page.pageId(), page.accessToken()));
		this.events.publishEvent(new PageChanged.AppInstalled(page.pageId(), actor, refusal));
		PageView checked = this.tokenChecks.check(page.pageId());
		return new Connected(checked, known, refusal);
	}

	/**
	 * Removes this app from the page (a refusal is reported, the page is disconnected
	 * anyway), then the page and its token; the form module forgets the page's forms when
	 * it hears the page is gone.
	 */
	public Disconnected disconnect(String pageId, String actor) {
		PageView page = this.pages.get(pageId);
		String token = this.pages.accessToken(pageId).orElseThrow(() -> new PageNotFoundException(pageId));
		String refusal = refusal(this.graph.uninstallApp(pageId, token));
		this.events.publishEvent(new PageChanged.AppUninstalled(pageId, actor, refusal));
		this.pages.delete(pageId, actor);
		return new Disconnected(page, refusal);
	}

	private boolean known(String pageId) {
		return this.pages.accessToken(pageId).isPresent();
	}

	/** What Meta said when it refused, in its words; {@code null} for a success. */
	public static String refusal(GraphResult<?> result) {
		String message = null;
		if (result instanceof GraphResult.TokenInvalid<?> invalid) {
			message = invalid.message();
		}
		else if (result instanceof GraphResult.Failed<?> failed) {
			message = failed.message();
		}
		else if (result instanceof GraphResult.Transient<?> passing) {
			message = passing.message();
		}
		else if (result instanceof GraphResult.RateLimited<?> limited) {
			message = limited.message();
		}
		return (message != null) ? message.replaceFirst("^Graph API error [0-9/-]+: ", "") : null;
	}

	/**
	 * A page connected.
	 *
	 * @param page the page after its token check
	 * @param reconnected whether it was connected before (and got a new token)
	 * @param installRefusal what Meta said when it refused to install this app on the
	 * page, {@code null} when it did
	 */
	public record Connected(PageView page, boolean reconnected, String installRefusal) {

	}

	/**
	 * A page disconnected.
	 *
	 * @param page the page as it was
	 * @param uninstallRefusal what Meta said when it refused to remove this app from the
	 * page, {@code null} when it did
	 */
	public record Disconnected(PageView page, String uninstallRefusal) {

	}

}
