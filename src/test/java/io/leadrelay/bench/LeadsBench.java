package io.leadrelay.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import io.leadrelay.pipeline.LeadContacts;
import io.leadrelay.pipeline.LeadEventStatus;
import io.leadrelay.pipeline.LeadQuery;
import io.leadrelay.pipeline.LeadSearch;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Times the leads list and search with many leads stored (bench/leads.sh; see
 * bench/README.md): stores them in bulk (lead_event, lead, lead_contact, as the engine
 * writes them), then runs the list's queries through {@link LeadSearch}, each slice with
 * its capped count as the page asks them, and prints the median and p95 of each.
 */
public final class LeadsBench {

	private static final String[] FIRST = { "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannes", "Ida",
			"Jonas", "Klara", "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Sven", "Tina", "Uwe" };

	private static final String[] SYLLABLES = { "ber", "mann", "schm", "idt", "wag", "ner", "hof", "sch", "ulz", "kel",
			"lerm", "bau", "fisch", "web", "kra", "us", "wolf", "neu", "zim", "meyer" };

	private static final String[] STATUSES = { "mapped", "mapped", "mapped", "mapped", "mapped", "mapped", "mapped",
			"mapped", "mapped", "mapped", "mapped", "mapped", "mapped", "mapped", "mapped", "mapped", "filtered",
			"filtered", "failed", "needs_token" };

	private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	private LeadsBench() {
	}

	public static void main(String[] args) throws Exception {
		String db = option(args, "--db", "both");
		int leads = Integer.parseInt(option(args, "--leads", "1000000"));
		int runs = Integer.parseInt(option(args, "--runs", "30"));
		List<String> results = new ArrayList<>();
		for (String one : db.equals("both") ? List.of("h2", "postgres") : List.of(db)) {
			results.addAll(run(one, leads, runs));
		}
		Path table = Files.createDirectories(Path.of("target", "bench")).resolve("leads.txt");
		List<String> lines = new ArrayList<>();
		lines.add(String.format("%-10s %-44s %10s %10s %6s", "database", "query", "median ms", "p95 ms", "rows"));
		lines.addAll(results);
		Files.write(table, lines);
		LoggerFactory.getLogger(LeadsBench.class).info("\n{}", String.join("\n", lines));
	}

	private static List<String> run(String db, int leads, int runs) throws Exception {
		Path work = Files
			.createDirectories(Path.of("target", "bench", "leads-" + db + "-" + System.currentTimeMillis()));
		EmbeddedPostgres postgres = db.equals("postgres") ? EmbeddedPostgres.builder().start() : null;
		try (HikariDataSource data = new HikariDataSource()) {
			data.setJdbcUrl(
					(postgres != null) ? postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true"
							: "jdbc:h2:file:" + work.toAbsolutePath().resolve("leads") + ";WRITE_DELAY=0");
			data.setUsername((postgres != null) ? "postgres" : "sa");
			Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
			long started = System.nanoTime();
			store(data, leads);
			if (postgres != null) {
				new JdbcTemplate(data).execute("ANALYZE");
			}
			List<String> lines = new ArrayList<>();
			lines.add(String.format("%-10s %-44s %10s %10s %6s", db, "store " + String.format("%,d", leads) + " leads",
					(System.nanoTime() - started) / 1_000_000, "", ""));
			LeadSearch search = new LeadSearch(new JdbcTemplate(data));
			long oldest = new JdbcTemplate(data).queryForObject("SELECT MIN(id) FROM lead_event", Long.class);
			int middle = leads / 2;
			time(lines, db, "first page (50, no filter)", runs, search, query(null, null, null, null, null));
			time(lines, db, "filtered page (status=failed, instagram)", runs, search,
					query(LeadEventStatus.FAILED, "ig", null, null, null));
			time(lines, db, "filtered page (form, last 7 days)", runs, search,
					query(null, null, "200000000000007", START.plusSeconds(30L * leads - 7 * 86400), null));
			time(lines, db, "deep keyset page (cursor 50 from the oldest)", runs, search,
					query(null, null, null, null, null).slice(oldest + 50, null));
			time(lines, db, "search email (exact)", runs, search, query(null, null, null, null, email(middle)));
			time(lines, db, "search phone (+49 ... written with spaces)", runs, search,
					query(null, null, null, null, phone(middle)));
			time(lines, db, "search name (a last name, ~1,000 leads)", runs, search,
					query(null, null, null, null, lastName(middle)));
			time(lines, db, "search name (first and last name)", runs, search,
					query(null, null, null, null, FIRST[middle % FIRST.length] + " " + lastName(middle)));
			return lines;
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	private static LeadQuery query(LeadEventStatus status, String platform, String formId, Instant from,
			String search) {
		return new LeadQuery(null, null, formId, status, platform, from, null, search, null, null, 50);
	}

	private static void time(List<String> lines, String db, String name, int runs, LeadSearch search, LeadQuery query) {
		Supplier<Integer> page = () -> {
			int rows = search.find(query).items().size();
			search.countUpToLimit(query);
			return rows;
		};
		for (int i = 0; i < 5; i++) {
			page.get();
		}
		List<Double> millis = new ArrayList<>();
		int rows = 0;
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			rows = page.get();
			millis.add((System.nanoTime() - started) / 1e6);
		}
		Collections.sort(millis);
		lines.add(String.format(Locale.ROOT, "%-10s %-44s %10.1f %10.1f %6d", db, name, millis.get(millis.size() / 2),
				millis.get((int) Math.ceil(millis.size() * 0.95) - 1), rows));
	}

	private static void store(HikariDataSource data, int leads) throws Exception {
		try (Connection connection = data.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement event = connection.prepareStatement(
					"""
							INSERT INTO lead_event (leadgen_id, page_id, form_id, ad_id, created_time, received_at, source, status,
							    raw_value) VALUES (?, ?, ?, ?, ?, ?, 'webhook', ?, '{}')""");
					PreparedStatement lead = connection.prepareStatement(
							"""
									INSERT INTO lead (leadgen_id, page_id, form_id, form_name, ad_id, ad_name, campaign_id,
									    campaign_name, platform, organic, created_time, answers, enriched_at)
									VALUES (?, ?, ?, ?, ?, 'Spring video', '500000000000001', 'Spring 2025', ?, FALSE, ?, ?, ?)""");
					PreparedStatement contact = connection
						.prepareStatement("INSERT INTO lead_contact (leadgen_id, kind, term) VALUES (?, ?, ?)")) {
				for (int i = 0; i < leads; i++) {
					String leadgenId = String.valueOf(900000000000000L + i);
					String page = "10000000000000" + (i % 5);
					String form = "2000000000000" + String.format("%02d", i % 20);
					Object at = START.plusSeconds(30L * i).atOffset(ZoneOffset.UTC);
					String status = STATUSES[(i * 7) % STATUSES.length];
					event.setString(1, leadgenId);
					event.setString(2, page);
					event.setString(3, form);
					event.setString(4, "30000000000000" + (i % 10));
					event.setObject(5, at);
					event.setObject(6, at);
					event.setString(7, status);
					event.addBatch();
					String first = FIRST[i % FIRST.length];
					String answers = "{\"email\":[\"" + email(i) + "\"],\"full_name\":[\"" + first + " " + lastName(i)
							+ "\"],\"phone_number\":[\"" + phone(i) + "\"],\"city\":[\"Berlin\"],"
							+ "\"when_to_call\":[\"morning\"]}";
					lead.setString(1, leadgenId);
					lead.setString(2, page);
					lead.setString(3, form);
					lead.setString(4, "Form " + (i % 20));
					lead.setString(5, "30000000000000" + (i % 10));
					lead.setString(6, (i % 10 < 7) ? "fb" : "ig");
					lead.setObject(7, at);
					lead.setString(8, answers);
					lead.setObject(9, at);
					lead.addBatch();
					for (LeadContacts.Term term : LeadContacts.of(java.util.Map.of("email", List.of(email(i)),
							"full_name", List.of(first + " " + lastName(i)), "phone_number", List.of(phone(i))))) {
						contact.setString(1, leadgenId);
						contact.setString(2, term.kind().code());
						contact.setString(3, term.term());
						contact.addBatch();
					}
					if (i % 5000 == 4999 || i == leads - 1) {
						event.executeBatch();
						lead.executeBatch();
						contact.executeBatch();
						connection.commit();
					}
				}
			}
		}
	}

	private static String lastName(int i) {
		int n = (i / FIRST.length) % 1000;
		String name = SYLLABLES[n % 20] + SYLLABLES[(n / 20) % 20] + SYLLABLES[(n / 400) % 20];
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private static String email(int i) {
		return FIRST[i % FIRST.length].toLowerCase(Locale.ROOT) + "." + i + "@example.com";
	}

	private static String phone(int i) {
		return "+49 151 " + String.format("%08d", i);
	}

	private static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

}
