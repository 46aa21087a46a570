package io.leadrelay.delivery.route;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.EndpointHelper;

/**
 * The routes ops declared for deliveries: those of the Camel context consuming from a
 * {@code direct:} or {@code seda:} endpoint, except the engine's own wiring (group
 * {@value #ENGINE_GROUP}, such as the wake-up queues). Endpoints are compared by their
 * normalised base URI ({@code direct:sheets} and {@code direct://sheets} are one), their
 * parameters being the consumer's.
 */
final class DeclaredRoutes {

	/**
	 * The group of the engine's own routes in {@code routes/}, which no destination
	 * names.
	 */
	static final String ENGINE_GROUP = "engine";

	private static final Set<String> SCHEMES = Set.of("direct", "seda");

	private final CamelContext camel;

	DeclaredRoutes(CamelContext camel) {
		this.camel = camel;
	}

	/** The declared route consuming from that endpoint, started or not. */
	Optional<Route> consumer(String endpointUri) {
		String wanted = normalised(endpointUri);
		if (wanted == null) {
			return Optional.empty();
		}
		return declared().stream()
			.filter((route) -> wanted.equals(normalised(route.getEndpoint().getEndpointBaseUri())))
			.findFirst();
	}

	/** Whether the route consumes now: started, not stopped or suspended. */
	boolean started(Route route) {
		ServiceStatus status = this.camel.getRouteController().getRouteStatus(route.getId());
		return status != null && status.isStarted();
	}

	/** The endpoints declared now, as a destination names them, sorted. */
	List<String> endpoints() {
		return declared().stream()
			.map((route) -> normalised(route.getEndpoint().getEndpointBaseUri()))
			.distinct()
			.sorted()
			.toList();
	}

	private List<Route> declared() {
		if (this.camel == null) {
			return List.of();
		}
		return this.camel.getRoutes()
			.stream()
			.filter((route) -> !ENGINE_GROUP.equals(route.getGroup()))
			.filter((route) -> SCHEMES.contains(scheme(route.getEndpoint().getEndpointBaseUri())))
			.toList();
	}

	/** {@code scheme:path} without {@code //}, or {@code null} when it is not a URI. */
	private static String normalised(String uri) {
		try {
			String normal = EndpointHelper.normalizeEndpointUri(uri.strip());
			int colon = normal.indexOf(':');
			if (colon <= 0) {
				return null;
			}
			String rest = normal.substring(colon + 1);
			return normal.substring(0, colon).toLowerCase(Locale.ROOT) + ":"
					+ (rest.startsWith("//") ? rest.substring(2) : rest);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String scheme(String uri) {
		int colon = uri.indexOf(':');
		return (colon > 0) ? uri.substring(0, colon).toLowerCase(Locale.ROOT) : "";
	}

}
