// Seeded randomness. Everything the simulator invents must be identical for the same seed, so
// nothing here touches Math.random. Two flavours are needed:
// - a sequential stream (sfc32) for building the population and for churn, where the order of
//   draws is itself deterministic;
// - a stateless hash (hash32) for per-session values that are derived lazily at request time
//   (which statement was query #k), so the answer does not depend on how often anyone polled.

export type Random = {
	/** Uniform float in [0, 1). */
	next(): number;
	/** Uniform integer in [min, max] (both inclusive). */
	int(min: number, max: number): number;
	/** One element of a non-empty list. */
	pick<T>(list: readonly T[]): T;
	/** One element, chosen with the given weights (same length as list). */
	weighted<T>(list: readonly T[], weights: readonly number[]): T;
	/** True with probability p. */
	chance(p: number): boolean;
	/** A fresh 32-bit value, used to seed per-session hashes. */
	u32(): number;
};

export function createRandom(seed: number): Random {
	// sfc32, seeded through splitmix32 so that small neighbouring seeds diverge at once.
	let state = seed >>> 0;
	const splitmix = (): number => {
		state = (state + 0x9E_37_79_B9) >>> 0;
		let z = state;
		z = Math.imul(z ^ (z >>> 16), 0x85_EB_CA_6B);
		z = Math.imul(z ^ (z >>> 13), 0xC2_B2_AE_35);
		return (z ^ (z >>> 16)) >>> 0;
	};

	let a = splitmix();
	let b = splitmix();
	let c = splitmix();
	let d = splitmix();
	const u32 = (): number => {
		const t = (((a + b) >>> 0) + d) >>> 0;
		d = (d + 1) >>> 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) >>> 0;
		c = ((c << 21) | (c >>> 11)) >>> 0;
		c = (c + t) >>> 0;
		return t;
	};

	for (let i = 0; i < 12; i++) {
		u32();
	}

	const next = (): number => u32() / 4_294_967_296;
	return {
		next,
		u32,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick<T>(list: readonly T[]): T {
			return list[Math.floor(next() * list.length)]!;
		},
		weighted<T>(list: readonly T[], weights: readonly number[]): T {
			let total = 0;
			for (const w of weights) {
				total += w;
			}

			let r = next() * total;
			for (const [i, item] of list.entries()) {
				r -= weights[i] ?? 0;
				if (r < 0) {
					return item;
				}
			}

			return list[list.length - 1]!;
		},
		chance: p => next() < p,
	};
}

/** Stateless 32-bit mix of two integers (murmur3 finaliser). */
export function hash32(a: number, b: number): number {
	let h = (Math.imul(a ^ 0x5B_D1_E9_95, 0x27_D4_EB_2F) + Math.imul(b, 0x16_56_67_B1)) >>> 0;
	h ^= h >>> 15;
	h = Math.imul(h, 0x85_EB_CA_77);
	h ^= h >>> 13;
	h = Math.imul(h, 0xC2_B2_AE_3D);
	h ^= h >>> 16;
	return h >>> 0;
}

/** hash32 scaled to [0, 1). */
export function hashUnit(a: number, b: number): number {
	return hash32(a, b) / 4_294_967_296;
}
