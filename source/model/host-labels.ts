// Names for the MaxScale column when the hosts' own do not fit it. Cut at the end,
// "10.0.0.15:8989" and "10.0.0.16:8989" both read "10.0.0.1…", and two MaxScales
// on one machine read "127.0.0.1…": the part that tells them apart is the part cut.
// So what all the names share is left out: a common end (the domain, the port) first,
// then, if that is still not enough, a common start, shown as "…".

// Where a name may be cut: between labels of a domain or an address, before a port, in a path.
const boundary = /[.:/-]/;

function commonSuffix(names: readonly string[]): string {
	const [first = ''] = names;
	let length = 0;
	while (length < first.length && names.every((name) => name.length > length && name.at(-1 - length) === first.at(-1 - length))) {
		length++;
	}

	return first.slice(first.length - length);
}

function commonPrefix(names: readonly string[]): string {
	const [first = ''] = names;
	let length = 0;
	while (length < first.length && names.every((name) => name[length] === first[length])) {
		length++;
	}

	return first.slice(0, length);
}

/**
 * Shorter names for `hosts` (host:port as typed) that still tell them apart, or undefined
 * when the names fit `width` as they are (or there is nothing to tell apart).
 */
export function hostLabels(hosts: readonly string[], width: number): Map<string, string> | undefined {
	if (hosts.length < 2 || hosts.every((host) => host.length <= width) || new Set(hosts).size < hosts.length) {
		return undefined;
	}

	// A shared end, from a boundary on (".example.com:8989", ":8989"), never a whole name.
	let suffix = commonSuffix(hosts);
	const cut = suffix.search(boundary);
	suffix = cut === -1 ? '' : suffix.slice(cut);
	let labels = hosts.map((host) => host.slice(0, host.length - suffix.length));
	if (labels.some((label) => label === '')) {
		labels = [...hosts];
	}

	if (labels.some((label) => label.length > width)) {
		// A start shared with another name, up to its last boundary, which stays: "127.0.0.1:7411"
		// → "…:7411". Each name's own: two MaxScales on one machine and a third elsewhere
		// (127.0.0.1:18720, 127.0.0.1:18726, localhost:18725) share no start all three (QA:
		// "127.0.0.1…" twice).
		const cut = labels.map((label) => {
			const last = lastBoundary(labels.reduce((longest, other) => (other === label ? longest : longer(longest, commonPrefix([label, other]))), ''));
			return last > 0 ? `…${label.slice(last)}` : label;
		});
		if (new Set(cut).size === cut.length) {
			labels = cut;
		}
	}

	return new Map(hosts.map((host, index) => [host, labels[index]!]));
}

const longer = (a: string, b: string) => (b.length > a.length ? b : a);

/** Where the last boundary of `text` is, or -1. */
function lastBoundary(text: string): number {
	for (let i = text.length - 1; i >= 0; i--) {
		if (boundary.test(text[i]!)) {
			return i;
		}
	}

	return -1;
}
