/** Spells out an interval label ("10m", "3d", "1.5mo") for screen readers. */
export function spokenInterval(label: string): string {
	const match = /^([\d.]+)(m|h|d|mo|y)$/.exec(label);
	if (!match) return label;
	const n = Number(match[1]);
	const unit = { m: 'minute', h: 'hour', d: 'day', mo: 'month', y: 'year' }[match[2]!]!;
	return `${match[1]} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * The answer part of a card's back. Generated backs end with the source sentence, which the
 * review screen shows on its own beneath the answer, so it is not repeated.
 */
export function answerOf(back: string, sentence: string | undefined): string {
	const text = back.trim();
	const tail = sentence?.trim();
	if (tail && text.endsWith(tail) && text.length > tail.length) {
		return text.slice(0, text.length - tail.length).trim();
	}
	return text;
}
