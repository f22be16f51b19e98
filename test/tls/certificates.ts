// Self-signed certificates made in-process for the TLS tests: an EC P-256 key from
// node:crypto and a minimal X.509 v3 certificate encoded here in DER (no openssl,
// no dependency), valid from an hour ago for a day, for 127.0.0.1 and localhost.
// Each one is its own CA (basicConstraints CA:TRUE), so it can be handed to the
// client as --tls-ca-cert; or, given an issuer, signed by that one instead, as a
// MaxScale certificate from a company CA is.

import {Buffer} from 'node:buffer';
import {X509Certificate, createPrivateKey, generateKeyPairSync, randomBytes, sign} from 'node:crypto';

function length(size: number): Buffer {
	if (size < 0x80) {
		return Buffer.from([size]);
	}

	const bytes: number[] = [];
	for (let rest = size; rest > 0; rest >>= 8) {
		bytes.unshift(rest & 0xff);
	}

	return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
	const body = Buffer.concat(content);
	return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...content: Buffer[]) => tlv(0x30, ...content);
const set = (...content: Buffer[]) => tlv(0x31, ...content);

function oid(dotted: string): Buffer {
	const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
	const bytes = [first * 40 + second];
	for (const part of rest) {
		const chunk = [part & 0x7f];
		for (let value = part >> 7; value > 0; value >>= 7) {
			chunk.unshift((value & 0x7f) | 0x80);
		}

		bytes.push(...chunk);
	}

	return tlv(0x06, Buffer.from(bytes));
}

function integer(bytes: Buffer): Buffer {
	return tlv(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function utcTime(date: Date): Buffer {
	const text = date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
	return tlv(0x17, Buffer.from(text, 'ascii'));
}

function name(commonName: string): Buffer {
	return sequence(set(sequence(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName, 'utf8')))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
	return sequence(oid(id), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), tlv(0x04, value));
}

export type Certificate = {
	/** PEM of the certificate (also its own CA). */
	cert: string;
	/** PEM of the private key (PKCS#8), unencrypted. */
	key: string;
	/** The same key encrypted with `passphrase`. */
	encryptedKey: string;
	passphrase: string;
};

/** The CA that signs a certificate: its key (PEM) and its common name. */
export type Issuer = {key: string; commonName: string};

export function makeCertificate(commonName = '127.0.0.1', issuer?: Issuer): Certificate {
	const {privateKey, publicKey} = generateKeyPairSync('ec', {namedCurve: 'prime256v1'});
	const signer = issuer === undefined ? privateKey : createPrivateKey(issuer.key);
	const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));
	const now = Date.now();
	const subjectAltName = sequence(tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x82, Buffer.from('localhost', 'ascii')));
	const extensions = tlv(
		0xa3,
		sequence(
			extension('2.5.29.19', true, sequence(tlv(0x01, Buffer.from([0xff])))),
			// digitalSignature, keyCertSign, cRLSign
			extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x01, 0x86]))),
			extension('2.5.29.17', false, subjectAltName),
		),
	);
	const tbs = sequence(
		tlv(0xa0, integer(Buffer.from([2]))),
		// A serial DER reads as minimal: its first byte never 0 (randomBytes gave one 0x00 0x3f… in
		// 512, "illegal padding" to OpenSSL).
		integer(Buffer.concat([Buffer.from([1 + (randomBytes(1)[0]! % 0x7f)]), randomBytes(7)])),
		ecdsaWithSha256,
		name(issuer?.commonName ?? commonName),
		sequence(utcTime(new Date(now - 3_600_000)), utcTime(new Date(now + 86_400_000))),
		name(commonName),
		publicKey.export({type: 'spki', format: 'der'}),
		extensions,
	);
	const signature = sign('sha256', tbs, signer);
	const der = sequence(tbs, ecdsaWithSha256, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
	const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
	const cert = `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
	new X509Certificate(cert); // Throws if the encoding above is wrong.
	const passphrase = 'correct horse';
	return {
		cert,
		key: privateKey.export({type: 'pkcs8', format: 'pem'}) as string,
		encryptedKey: privateKey.export({type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase}) as string,
		passphrase,
	};
}
