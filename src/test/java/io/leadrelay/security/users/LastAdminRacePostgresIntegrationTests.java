package io.leadrelay.security.users;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.leadrelay.security.Role;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.OnPostgres;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two admins demoting each other at the same moment: one of them must stay admin.
 */
@LeadRelayIntegrationTest
@OnPostgres
class LastAdminRacePostgresIntegrationTests {

	private static final int ROUNDS = 20;

	@Autowired
	Users users;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	@AfterEach
	void onlyTheBootstrapAdmin() {
		TableCleaner.deleteAll(this.jdbc);
	}

	@Test
	void keepsOneAdminWhenTwoDemoteEachOtherAtOnce() throws Exception {
		long admin = this.jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'admin'", Long.class);
		long ada = this.users.create("ada", Role.ADMIN, null, "admin").user().id();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				this.jdbc.update("UPDATE app_user SET role = 'ADMIN'");
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Boolean>> demotions = new ArrayList<>();
				for (long id : new long[] { admin, ada }) {
					demotions.add(threads.submit(() -> {
						start.await();
						try {
							this.users.update(id, Role.VIEWER, null, "admin");
							return true;
						}
						catch (LastAdminException ex) {
							return false;
						}
					}));
				}
				int demoted = 0;
				for (Future<Boolean> demotion : demotions) {
					demoted += demotion.get(30, TimeUnit.SECONDS) ? 1 : 0;
				}
				assertThat(demoted).as("round %d", round).isEqualTo(1);
				assertThat(
						this.jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN'", Integer.class))
					.isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
