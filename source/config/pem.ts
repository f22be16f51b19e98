// What a PEM file holds, told from its "-----BEGIN …-----" lines, so that a file given
// to the wrong option is named at start. OpenSSL takes a key given as --tls-ca-cert
// without a word (node:tls skips what it cannot use as a CA): the first sign was a
// verification failure advising the very --tls-ca-cert the operator had just given.

import {X509Certificate} from 'node:crypto';

/** The labels of the file's blocks, in order: `CERTIFICATE`, `PRIVATE KEY`… */
function labels(text: string): string[] {
	return [...text.matchAll(/-----BEGIN ([A-Z\d ]+)-----/g)].map((match) => match[1]!);
}

// `TRUSTED CERTIFICATE` is OpenSSL's certificate with trust settings, which CA bundles hold.
const certificateLabel = /^(?:TRUSTED |X509 )?CERTIFICATE$/;
const keyLabel = /^(?:(?:RSA|EC|DSA|ENCRYPTED) )?PRIVATE KEY$/;

/** "it looks like a private key": what the first block is, for a file without the one wanted. */
function looksLike(found: readonly string[]): string {
	const label = found[0] ?? '';
	if (label === 'OPENSSH PRIVATE KEY') {
		return 'it is an OpenSSH key, which OpenSSL does not read';
	}

	const kinds: Array<[RegExp, string]> = [
		[keyLabel, 'a private key'],
		[certificateLabel, 'a certificate'],
		[/CERTIFICATE REQUEST$/, 'a certificate request, not yet signed'],
		[/PUBLIC KEY$/, 'a public key'],
		[/CRL$/, 'a revocation list'],
		[/PARAMETERS$/, 'key parameters'],
	];
	const kind = kinds.find(([pattern]) => pattern.test(label))?.[1];
	return kind === undefined ? `it holds a "${label}" block` : `it looks like ${kind}`;
}

/**
 * Why `text` will not do as a certificate (--tls-ca-cert, --tls-cert), or undefined.
 * Every `CERTIFICATE` block must parse: node:tls drops a broken CA without a word.
 */
export function certificateProblem(text: string): string | undefined {
	const found = labels(text);
	if (!found.some((label) => certificateLabel.test(label))) {
		return `holds no certificate (${looksLike(found)})`;
	}

	// A block without its END line is kept, for X509Certificate to refuse: a file cut short.
	const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----[^-]*(?:-----END CERTIFICATE-----)?/g)];
	for (const [index, block] of blocks.entries()) {
		try {
			// Parsed only to see that it parses: node:tls would drop it without a word.
			void new X509Certificate(block[0]);
		} catch {
			const which = blocks.length === 1 ? 'its certificate' : `certificate ${index + 1} of its ${blocks.length}`;
			return `holds a certificate that cannot be read (${which} is damaged or cut short)`;
		}
	}

	return undefined;
}

/** Why `text` will not do as a private key (--tls-key), or undefined. */
export function keyProblem(text: string): string | undefined {
	const found = labels(text);
	return found.some((label) => keyLabel.test(label)) ? undefined : `holds no private key (${looksLike(found)})`;
}

/**
 * Why OpenSSL would not take a key with its certificate, read from its message: the key's
 * passphrase (wrong, or none given for an encrypted key), or a key of another certificate.
 * A wrong passphrase decrypts an encrypted key to noise, which OpenSSL usually calls `bad
 * decrypt`, but about one time in 256 the noise passes the padding check and the decoder fails
 * instead (`DECODER routines::unsupported`): for an encrypted key, any failure but a mismatch
 * with the certificate is the passphrase's. Undefined for anything else.
 */
export function keyFailure(message: string, keyText: string): 'passphrase' | 'mismatch' | undefined {
	const mismatch = /key values mismatch/i.test(message);
	if (/bad decrypt|passphrase|decrypt/i.test(message) || (isEncryptedKey(keyText) && !mismatch)) {
		return 'passphrase';
	}

	return mismatch ? 'mismatch' : undefined;
}

/** Whether a PEM key is encrypted (a passphrase opens it). */
export const isEncryptedKey = (keyText: string) => /ENCRYPTED/.test(keyText);
