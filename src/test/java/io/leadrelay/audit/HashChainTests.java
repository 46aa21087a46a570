package io.leadrelay.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.leadrelay.audit.ChainVerdict.BrokenLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain on its own: sealing entries one after another, and walking the chain to
 * the first link that no longer holds after an entry was changed, deleted, put in between
 * or moved.
 */
class HashChainTests {

	private static final Instant AT = Instant.parse("2026-12-04T10:00:00.123456Z");

	@Test
	void anUntouchedChainIsIntact() {
		List<ChainedEntry> chain = seal(entries(1, 5));
		assertThat(walk(chain)).isEqualTo(new ChainVerdict(true, 5, null));
		assertThat(walk(chain).summary()).isEqualTo("Intact: 5 entries checked, none changed or missing.");
		assertThat(walk(List.of())).isEqualTo(new ChainVerdict(true, 0, null));
	}

	@Test
	void eachEntryCarriesTheHashOfTheOneBefore() {
		List<ChainedEntry> chain = seal(entries(1, 3));
		assertThat(chain.get(0).prevHash()).isEqualTo(ChainHash.GENESIS);
		assertThat(chain.get(1).prevHash()).isEqualTo(chain.get(0).hash());
		assertThat(chain.get(2).prevHash()).isEqualTo(chain.get(1).hash());
		assertThat(chain).extracting(ChainedEntry::chainSeq).containsExactly(1L, 2L, 3L);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "id", "occurredAt", "actor", "action", "subjectType", "subjectId", "details",
			"detailsRemoved", "chainSeq", "prevHash" })
	void findsTheEntryWhoseFieldWasChanged(String field) {
		List<ChainedEntry> chain = new ArrayList<>(seal(entries(1, 5)));
		chain.set(2, change(chain.get(2), field));
		ChainVerdict verdict = walk(chain);
		assertThat(verdict.intact()).isFalse();
		assertThat(verdict.checked()).isEqualTo(3);
		assertThat(verdict.firstBroken()).isEqualTo(new BrokenLink(chain.get(2).id(), chain.get(2).chainSeq(),
				"its content was changed after it was written"));
	}

	@Test
	void findsTheEntryAfterADeletedOne() {
		List<ChainedEntry> chain = new ArrayList<>(seal(entries(1, 5)));
		chain.remove(1);
		ChainVerdict verdict = walk(chain);
		assertThat(verdict.firstBroken())
			.isEqualTo(new BrokenLink(3L, 3, "the entry before it is missing or was replaced"));
		assertThat(verdict.checked()).isEqualTo(2);
		assertThat(verdict.summary()).isEqualTo("Broken: Entry 3 (number 3 in the chain): the entry before it is "
				+ "missing or was replaced. Checked 2 entries.");
	}

	@Test
	void findsTheFirstEntriesDeleted() {
		List<ChainedEntry> chain = new ArrayList<>(seal(entries(1, 5)));
		chain.remove(0);
		assertThat(walk(chain).firstBroken())
			.isEqualTo(new BrokenLink(2L, 2, "the entry before it is missing or was replaced"));
	}

	@Test
	void findsTheNewestEntriesDeletedFromTheHeadItKeeps() {
		List<ChainedEntry> chain = new ArrayList<>(seal(entries(1, 5)));
		ChainedEntry head = chain.remove(4);
		ChainWalk walk = new ChainWalk();
		chain.forEach(walk::check);
		ChainVerdict verdict = walk.end(head.chainSeq(), head.hash());
		assertThat(verdict.intact()).isFalse();
		assertThat(verdict.checked()).isEqualTo(4);
		assertThat(verdict.firstBroken())
			.isEqualTo(new BrokenLink(null, 5, "the newest entries of the chain are missing or were replaced"));
	}

	@Test
	void findsTheEntryAfterOneInsertedInBetween() {
		List<ChainedEntry> chain = new ArrayList<>(seal(entries(1, 5)));
		// A forger who knows the algorithm seals the insert properly after entry 2 ...
		ChainedEntry forged = new ChainedEntry(99, AT, "admin", "user.created", "user", "ghost", null, null, null, null)
			.sealedAs(3, chain.get(1).hash());
		chain.add(2, forged);
		// ... but the entry that followed still points at entry 2, from place 3.
		ChainVerdict verdict = walk(chain);
		assertThat(verdict.checked()).isEqualTo(4);
		assertThat(verdict.firstBroken())
			.isEqualTo(new BrokenLink(3L, 3, "the entry before it is missing or was replaced"));
		// Moving the later entries along to make room changes them.
		List<ChainedEntry> renumbered = new ArrayList<>(chain.subList(0, 3));
		chain.subList(3, chain.size())
			.forEach((entry) -> renumbered.add(
					new ChainedEntry(entry.id(), entry.occurredAt(), entry.actor(), entry.action(), entry.subjectType(),
							entry.subjectId(), entry.details(), entry.chainSeq() + 1, entry.prevHash(), entry.hash())));
		assertThat(walk(renumbered).firstBroken())
			.isEqualTo(new BrokenLink(3L, 4, "its content was changed after it was written"));
	}

	@Test
	void sealsEntriesCommittedLateFurtherAlongTheChain() {
		List<ChainedEntry> ids = entries(1, 5);
		// 1, 2 and 4 are committed and sealed; 3, written first, commits after them.
		List<ChainedEntry> chain = new ArrayList<>(seal(List.of(ids.get(0), ids.get(1), ids.get(3))));
		ChainedEntry head = chain.get(2);
		chain.addAll(sealAfter(head.chainSeq(), head.hash(), List.of(ids.get(2), ids.get(4))));
		assertThat(chain).extracting(ChainedEntry::id).containsExactly(1L, 2L, 4L, 3L, 5L);
		assertThat(chain).extracting(ChainedEntry::chainSeq).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(walk(chain)).isEqualTo(new ChainVerdict(true, 5, null));
	}

	@Test
	void findsEntriesWhoseOrderWasSwapped() {
		List<ChainedEntry> chain = new ArrayList<>(seal(entries(1, 5)));
		ChainedEntry second = chain.get(1);
		ChainedEntry third = chain.get(2);
		// Their places swapped, each keeping its hashes: walked in place order, 3 comes
		// first.
		chain.set(1, withSeq(third, 2));
		chain.set(2, withSeq(second, 3));
		assertThat(walk(chain).firstBroken())
			.isEqualTo(new BrokenLink(3L, 2, "its content was changed after it was written"));
		// Swapped whole (places, links and hashes): the links no longer hold.
		List<ChainedEntry> swapped = new ArrayList<>(seal(entries(1, 5)));
		swapped.set(1, third);
		swapped.set(2, second);
		assertThat(walk(swapped).firstBroken())
			.isEqualTo(new BrokenLink(3L, 3, "the entry before it is missing or was replaced"));
	}

	@Test
	void encodesFieldsUnambiguously() {
		ChainedEntry ab = new ChainedEntry(1, AT, "ab", "c", "user", "x", null, null, null, null);
		ChainedEntry a = new ChainedEntry(1, AT, "a", "bc", "user", "x", null, null, null, null);
		assertThat(ab.sealedAs(1, ChainHash.GENESIS).hash()).isNotEqualTo(a.sealedAs(1, ChainHash.GENESIS).hash());
		ChainedEntry noDetails = new ChainedEntry(1, AT, "a", "b", "user", "x", null, null, null, null);
		ChainedEntry emptyDetails = new ChainedEntry(1, AT, "a", "b", "user", "x", "", null, null, null);
		assertThat(noDetails.sealedAs(1, ChainHash.GENESIS).hash())
			.isNotEqualTo(emptyDetails.sealedAs(1, ChainHash.GENESIS).hash());
	}

	@Test
	void keepsTheHashOfAnEntryAsItWasDefined() {
		// Chains already stored must verify after an upgrade: the encoding may not
		// change.
		ChainedEntry entry = new ChainedEntry(42, AT, "admin", "user.role_changed", "user", "mia",
				"{\"from\":\"VIEWER\",\"to\":\"MARKETER\"}", null, null, null);
		assertThat(entry.sealedAs(7, ChainHash.GENESIS).hash())
			.isEqualTo("647c7382124f9c53f1b586ae98c66ca01d59fb640f17cfa31d868dc945a222a2");
	}

	private static ChainVerdict walk(List<ChainedEntry> chain) {
		ChainWalk walk = new ChainWalk();
		chain.forEach(walk::check);
		ChainedEntry head = chain.isEmpty() ? null : chain.get(chain.size() - 1);
		// The head as the sealer left it: the last entry sealed, whatever happened since.
		return walk.end((head != null) ? chain.size() : 0, (head != null) ? lastSealedHash(chain) : ChainHash.GENESIS);
	}

	private static String lastSealedHash(List<ChainedEntry> chain) {
		return chain.stream().max((a, b) -> Long.compare(a.chainSeq(), b.chainSeq())).orElseThrow().hash();
	}

	private static List<ChainedEntry> entries(long first, long last) {
		List<ChainedEntry> entries = new ArrayList<>();
		for (long id = first; id <= last; id++) {
			entries.add(new ChainedEntry(id, AT.plusSeconds(id), "admin", "user.role_changed", "user", "user-" + id,
					"{\"from\":\"VIEWER\",\"to\":\"MARKETER\"}", null, null, null));
		}
		return entries;
	}

	private static List<ChainedEntry> seal(List<ChainedEntry> entries) {
		return sealAfter(0, ChainHash.GENESIS, entries);
	}

	private static List<ChainedEntry> sealAfter(long seq, String prevHash, List<ChainedEntry> entries) {
		List<ChainedEntry> sealed = new ArrayList<>();
		String before = prevHash;
		long place = seq;
		for (ChainedEntry entry : entries) {
			ChainedEntry next = entry.sealedAs(++place, before);
			sealed.add(next);
			before = next.hash();
		}
		return sealed;
	}

	private static ChainedEntry withSeq(ChainedEntry entry, long seq) {
		return new ChainedEntry(entry.id(), entry.occurredAt(), entry.actor(), entry.action(), entry.subjectType(),
				entry.subjectId(), entry.details(), seq, entry.prevHash(), entry.hash());
	}

	private static ChainedEntry change(ChainedEntry e, String field) {
		UnaryOperator<String> edit = (value) -> value + "!";
		return switch (field) {
			case "id" -> new ChainedEntry(e.id() + 1000, e.occurredAt(), e.actor(), e.action(), e.subjectType(),
					e.subjectId(), e.details(), e.chainSeq(), e.prevHash(), e.hash());
			case "occurredAt" -> new ChainedEntry(e.id(), e.occurredAt().plusNanos(1000), e.actor(), e.action(),
					e.subjectType(), e.subjectId(), e.details(), e.chainSeq(), e.prevHash(), e.hash());
			case "actor" -> new ChainedEntry(e.id(), e.occurredAt(), edit.apply(e.actor()), e.action(), e.subjectType(),
					e.subjectId(), e.details(), e.chainSeq(), e.prevHash(), e.hash());
			case "action" -> new ChainedEntry(e.id(), e.occurredAt(), e.actor(), edit.apply(e.action()),
					e.subjectType(), e.subjectId(), e.details(), e.chainSeq(), e.prevHash(), e.hash());
			case "subjectType" -> new ChainedEntry(e.id(), e.occurredAt(), e.actor(), e.action(),
					edit.apply(e.subjectType()), e.subjectId(), e.details(), e.chainSeq(), e.prevHash(), e.hash());
			case "subjectId" -> new ChainedEntry(e.id(), e.occurredAt(), e.actor(), e.action(), e.subjectType(),
					edit.apply(e.subjectId()), e.details(), e.chainSeq(), e.prevHash(), e.hash());
			case "details" -> new ChainedEntry(e.id(), e.occurredAt(), e.actor(), e.action(), e.subjectType(),
					e.subjectId(), "{\"from\":\"VIEWER\",\"to\":\"ADMIN\"}", e.chainSeq(), e.prevHash(), e.hash());
			case "detailsRemoved" -> new ChainedEntry(e.id(), e.occurredAt(), e.actor(), e.action(), e.subjectType(),
					e.subjectId(), null, e.chainSeq(), e.prevHash(), e.hash());
			case "chainSeq" -> withSeq(e, e.chainSeq() + 10);
			case "prevHash" -> new ChainedEntry(e.id(), e.occurredAt(), e.actor(), e.action(), e.subjectType(),
					e.subjectId(), e.details(), e.chainSeq(), ChainHash.GENESIS, e.hash());
			default -> throw new IllegalArgumentException(field);
		};
	}

}
