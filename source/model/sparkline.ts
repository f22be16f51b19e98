// A service's session counts over the last polls as one line of bars, for the header.

const bars = '▁▂▃▄▅▆▇█';

/**
 * The last `width` samples as a sparkline, scaled from the window's minimum to
 * its maximum: session counts move by a few percent, which a scale from zero
 * would flatten into a solid block. But over at least a tenth of the maximum (and
 * one session): scaled to the window alone, 41 → 40 drew a full bar falling to the
 * floor, a collapse where one session of forty ended. A flat line stays at the bottom.
 */
export function sparkline(samples: readonly number[], width: number): string {
	const recent = samples.slice(-width);
	const min = Math.min(...recent);
	const max = Math.max(...recent);
	const range = max === min ? 0 : Math.max(max - min, Math.ceil(max / 10));
	return recent.map((count) => bars[range === 0 ? 0 : Math.round(((count - min) / range) * (bars.length - 1))]).join('');
}
