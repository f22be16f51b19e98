// Client addresses in the order an operator reads them: IPv4 by its numbers (10.0.8.9 before
// 10.0.8.105), IPv6 by its 128 bits whatever the shortening (::1 before 2001:db8::1 before
// fd12::21, where as text `::1` came between them: QA), then anything else (a name) as text.

const ipv4Pattern = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** An IPv4 address's four octets as written, each at most 255; undefined for anything else. */
function ipv4Octets(text: string): string[] | undefined {
	const octets = ipv4Pattern.exec(text)?.slice(1);
	return octets?.every((octet) => Number(octet) <= 255) ? octets : undefined;
}

/** An IPv4 address as one number; undefined for anything else. */
export function ipv4Number(text: string): number | undefined {
	return ipv4Octets(text)?.reduce((sum, octet) => (sum * 256) + Number(octet), 0);
}

const hexGroup = /^[\da-f]{1,4}$/;

/**
 * An IPv6 address (a zone after `%` ignored, a dotted IPv4 tail taken) as 32 lowercase hex
 * digits, so that text order is numeric order; undefined for anything that is not one.
 */
export function ipv6Hex(text: string): string | undefined {
	const address = text.split('%', 1)[0]!.toLowerCase();
	if (!address.includes(':')) {
		return undefined;
	}

	let groups = address;
	const dotted = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
	if (dotted !== null) {
		const value = ipv4Number(dotted[2]!);
		if (value === undefined) {
			return undefined;
		}

		groups = `${dotted[1]!}${Math.floor(value / 65_536).toString(16)}:${(value % 65_536).toString(16)}`;
	}

	const halves = groups.split('::');
	if (halves.length > 2) {
		return undefined;
	}

	const split = (half: string) => (half === '' ? [] : half.split(':'));
	const [head, tail] = [split(halves[0]!), halves.length === 2 ? split(halves[1]!) : []];
	const missing = 8 - head.length - tail.length;
	if ((halves.length === 2 ? missing < 1 : missing !== 0) || ![...head, ...tail].every((group) => hexGroup.test(group))) {
		return undefined;
	}

	return [...head, ...Array.from({length: missing}, () => '0'), ...tail].map((group) => group.padStart(4, '0')).join('');
}

/**
 * An address as text that sorts in that order: IPv4 (its octets padded), then IPv6 (its hex
 * digits), then the rest as written, each kind behind a prefix of its own.
 */
export function addressKey(address: string): string {
	const octets = ipv4Octets(address);
	if (octets !== undefined) {
		return `1${octets.map((octet) => octet.padStart(3, '0')).join('.')}`;
	}

	const hex = ipv6Hex(address);
	return hex === undefined ? `3${address}` : `2${hex}`;
}
