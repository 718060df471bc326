package io.github.swfheartbeat.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SendCalendar}: 100 ms slots each holding what the rate allows, filled from the planned
 * slot backwards.
 */
class SendCalendarTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void slotCapacityFollowsTheRateAndIsAtLeastOne() {
		SendCalendar oneAtATime = new SendCalendar(0.5);
		assertThat(oneAtATime.reserve(10 * SECOND, 0)).isEqualTo(100);
		assertThat(oneAtATime.reserve(10 * SECOND, 0)).isEqualTo(99);
		SendCalendar three = new SendCalendar(35);
		assertThat(three.reserve(10 * SECOND, 0)).isEqualTo(100);
		assertThat(three.reserve(10 * SECOND, 0)).isEqualTo(100);
		assertThat(three.reserve(10 * SECOND, 0)).isEqualTo(100);
		assertThat(three.reserve(10 * SECOND, 0)).isEqualTo(99);
	}

	@Test
	void releasingOneOfSeveralReservationsFreesOnlyOnePlace() {
		SendCalendar calendar = new SendCalendar(20);
		long slot = calendar.reserve(10 * SECOND, 0);
		calendar.reserve(10 * SECOND, 0);
		calendar.release(slot);
		assertThat(calendar.reservedCount()).isEqualTo(1);
		assertThat(calendar.reserve(10 * SECOND, 0)).isEqualTo(100);
		assertThat(calendar.reserve(10 * SECOND, 0)).isEqualTo(99);
		assertThat(calendar.reservedCount()).isEqualTo(3);
	}

	@Test
	void releasingTheLastReservationEmptiesTheSlot() {
		SendCalendar calendar = new SendCalendar(10);
		long slot = calendar.reserve(10 * SECOND, 0);
		calendar.release(slot);
		calendar.release(slot);
		assertThat(calendar.reservedCount()).isZero();
		assertThat(calendar.reserve(10 * SECOND, 0)).isEqualTo(100);
	}

	@Test
	void whenEveryEarlierSlotIsFullTheCurrentSlotTakesTheExtra() {
		SendCalendar calendar = new SendCalendar(10);
		assertThat(calendar.reserve(SECOND / 10, 0)).isEqualTo(1);
		assertThat(calendar.reserve(SECOND / 10, 0)).isZero();
		assertThat(calendar.reserve(SECOND / 10, 0)).isZero();
		assertThat(calendar.reservedCount()).isEqualTo(3);
	}

	@Test
	void sendTimeKeepsTheDueTimeInItsOwnSlotAndEndsAnEarlierOne() {
		assertThat(SendCalendar.sendTime(100, 10 * SECOND + 5)).isEqualTo(10 * SECOND + 5);
		assertThat(SendCalendar.sendTime(99, 10 * SECOND + 5)).isEqualTo(10 * SECOND - 1);
	}

	@Test
	void pruningKeepsThePreviousAndCurrentSlots() {
		SendCalendar calendar = new SendCalendar(10);
		calendar.reserve(9_800_000_000L, 0);
		calendar.reserve(9_900_000_000L, 0);
		calendar.reserve(10 * SECOND, 0);
		calendar.reserve(10_100_000_000L, 0);
		calendar.prune(10 * SECOND);
		assertThat(calendar.reservedCount()).isEqualTo(3);
	}

	@Test
	void pruningRunsOnceEveryTenSlots() {
		SendCalendar calendar = new SendCalendar(10);
		calendar.prune(0);
		calendar.reserve(SECOND / 2, SECOND / 2);
		calendar.prune(SECOND - 1);
		assertThat(calendar.reservedCount()).as("nine slots after the last pruning").isEqualTo(1);
		calendar.prune(SECOND);
		assertThat(calendar.reservedCount()).as("ten slots after the last pruning").isZero();
	}

}
