package io.leadrelay.delivery.fields;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.leadrelay.destination.CrmField;
import io.leadrelay.destination.CrmFields;
import io.leadrelay.destination.DestinationChanged;
import io.leadrelay.destination.DestinationView;
import io.leadrelay.destination.Destinations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Reads the fields a destination's CRM offers and keeps them ({@link CrmFields}), so that
 * the mapping editor offers the CRM's real field names. A read that fails keeps the
 * fields of the last one. Webhook and Camel route destinations take any field names: they
 * have no list.
 */
@Service
public class FieldDiscovery {

	private final Destinations destinations;

	private final CrmFields kept;

	private final Map<String, FieldReader> readers = new TreeMap<>();

	private final Clock clock;

	FieldDiscovery(Destinations destinations, CrmFields kept, List<FieldReader> readers, Clock clock) {
		this.destinations = destinations;
		this.kept = kept;
		readers.forEach((reader) -> this.readers.put(reader.type(), reader));
		this.clock = clock;
	}

	/** Whether destinations of the type have a field list to read. */
	public boolean hasFieldList(String type) {
		return this.readers.containsKey(type);
	}

	/** Whether the destination takes any field names (it has no list to read). */
	public boolean takesAnyFieldName(String destinationId) {
		return !hasFieldList(this.destinations.get(destinationId).type());
	}

	/**
	 * Reads the destination's fields from its CRM and keeps them.
	 * @return the fields read
	 * @throws io.leadrelay.destination.DestinationNotFoundException for an unknown
	 * destination
	 * @throws FieldReadException when the CRM did not list them, or the destination has
	 * no list (the kept fields stay)
	 */
	public List<CrmField> refresh(String destinationId) {
		DestinationView destination = this.destinations.get(destinationId);
		FieldReader reader = this.readers.get(destination.type());
		if (reader == null) {
			throw new FieldReadException(anyFieldName(destination));
		}
		List<CrmField> fields = reader.read(destinationId, destination.settings(),
				this.destinations.credentials(destinationId));
		this.kept.replace(destinationId, fields, this.clock.instant());
		return fields;
	}

	/**
	 * The destination's kept fields; when none are kept, the CRM is read now. A failed
	 * read says why.
	 */
	public DestinationFields view(String destinationId) {
		DestinationView destination = this.destinations.get(destinationId);
		boolean listed = hasFieldList(destination.type());
		String problem = null;
		if (listed && this.kept.fetchedAt(destinationId).isEmpty()) {
			try {
				refresh(destinationId);
			}
			catch (FieldReadException ex) {
				problem = ex.getMessage();
			}
		}
		Instant readAt = this.kept.fetchedAt(destinationId).orElse(null);
		return new DestinationFields(destinationId, destination.name(), destination.type(), !listed,
				this.kept.of(destinationId), readAt, problem);
	}

	@TransactionalEventListener
	void destinationChanged(DestinationChanged event) {
		if (event instanceof DestinationChanged.Deleted deleted) {
			this.kept.forget(deleted.destinationId());
		}
	}

	static String anyFieldName(DestinationView destination) {
		return "This destination takes any field names: a " + destination.type()
				+ " destination receives the fields a mapping names, so there is no list to read.";
	}

}
