package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.pipeline.LeadContacts;
import io.leadrelay.pipeline.LeadStore;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the leads stored before search existed findable: fills {@code lead_contact} from
 * each stored lead's answers, as {@link LeadStore#save} does for new ones.
 */
public class V18_1__Index_stored_leads_for_search extends BaseJavaMigration {

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};

	private static final int BATCH = 1000;

	@Override
	public void migrate(Context context) throws Exception {
		ObjectMapper json = new ObjectMapper();
		Connection connection = context.getConnection();
		try (Statement read = connection.createStatement();
				PreparedStatement insert = connection.prepareStatement(LeadStore.INSERT_CONTACT)) {
			read.setFetchSize(BATCH);
			int pending = 0;
			try (ResultSet leads = read.executeQuery("SELECT leadgen_id, answers FROM lead")) {
				while (leads.next()) {
					for (LeadContacts.Term term : LeadContacts.of(json.readValue(leads.getString(2), ANSWERS))) {
						insert.setString(1, leads.getString(1));
						insert.setString(2, term.kind().code());
						insert.setString(3, term.term());
						insert.addBatch();
						pending++;
					}
					if (pending >= BATCH) {
						insert.executeBatch();
						pending = 0;
					}
				}
			}
			if (pending > 0) {
				insert.executeBatch();
			}
		}
	}

}
