// A certificate that verifies against the CA given but is made out for another name
// than the one in -h (the usual case: a certificate for localhost, -h 127.0.0.1).
// Saying "pass its CA with --tls-ca-cert" there sends the user in a circle: the
// sentence must say the name is wrong and which names the certificate holds.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {describeNetworkError} from '../../source/api/errors.js';
import {fetchSessionList} from '../../source/api/sessions-api.js';
import {tempFolderSync} from '../helpers/temp-folder.js';

/** A throwaway self-signed CA certificate for `localhost` only (test/tls/certificates.ts always adds 127.0.0.1). */
function localhostCertificate(): {key: string; cert: string} | undefined {
	const dir = tempFolderSync('sessiontop-tls-name-');
	try {
		execFileSync('openssl', [
			'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
			'-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-addext', 'basicConstraints=critical,CA:TRUE',
			'-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
		], {stdio: 'ignore'});
		return {key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8')};
	} catch {
		return undefined;
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

const material = localhostCertificate();

test('a certificate for localhost, reached as 127.0.0.1 with its CA given: the name is wrong, not the CA', {skip: material ? false : 'openssl is not installed'}, async (t) => {
	const {key, cert} = material!;
	const server = https.createServer({key, cert}, (_request, response) => {
		response.writeHead(200, {'content-type': 'application/json'}).end('{"data": []}');
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	const client = (host: string) =>
		new Client({target: {origin: `https://${host}:${port}`, label: `${host}:${port}`}, user: 'a', password: 'b', timeoutMs: 2000, tls: {rejectUnauthorized: true, ca: cert}});
	const byAddress = client('127.0.0.1');
	const byName = client('localhost');
	t.after(async () => {
		await Promise.all([byAddress.close(), byName.close()]);
		server.close();
	});

	const list = await fetchSessionList(byAddress);
	assert.ok(!list.ok);
	assert.equal(list.error.kind, 'tls');
	assert.equal(
		list.error.message,
		`127.0.0.1:${port} presents a certificate that names localhost, not 127.0.0.1: connect by a name it holds (-h https://localhost:${port}) or give MaxScale a certificate for 127.0.0.1; turning verification off with -n false is the last resort.`,
	);
	// What the sentence says to do works.
	const fixed = await fetchSessionList(byName);
	assert.ok(fixed.ok, fixed.ok ? '' : fixed.error.message);
});

test("the certificate's names are the server's words: sanitized, shortened, a wildcard not offered as -h", () => {
	// The shape node:tls gives (tls.checkServerIdentity), as undici passes it on.
	const error = Object.assign(new Error("Host: 10.0.0.5. is not in the cert's altnames"), {
		code: 'ERR_TLS_CERT_ALTNAME_INVALID',
		host: '10.0.0.5',
		cert: {subjectaltname: 'DNS:*.example.com, DNS:evil\u001B]52;c;AAAA\u0007.example, IP Address:10.0.0.6, DNS:a, DNS:b', subject: {CN: 'ignored'}},
	});
	const {kind, message} = describeNetworkError(error, '10.0.0.5:8989', 1000);
	assert.equal(kind, 'tls');
	assert.equal(
		message,
		// Cut (server-text.ts) so that the sentence, what to do included, fits two lines of 120 columns.
		"10.0.0.5:8989 presents a certificate that names *.example.com, evil\uFFFD]52;c;AAAA\uFFFD.ex\u2026 and 2 more, not 10.0.0.5: connect by a name it holds or give MaxScale a certificate for 10.0.0.5; turning verification off with -n false is the last resort.",
	);
	const bare = describeNetworkError({code: 'ERR_TLS_CERT_ALTNAME_INVALID'}, 'mx:8989', 1000);
	assert.match(bare.message, /^mx:8989 presents a certificate that is made out for another name than mx: connect by a name it holds or give/);
});

// Read after `sessiontop: ` in batch output and alone on the status line: a sentence that
// starts with the host, as the others do, reads right in both (not "sessiontop: The …").
test('the DNS and certificate-name sentences start with the host, as the others do', () => {
	const dns = describeNetworkError({code: 'ENOTFOUND'}, 'no-such-host.invalid:8989', 1000);
	assert.equal(dns.kind, 'dns');
	assert.equal(dns.message, 'no-such-host.invalid:8989 could not be found (its host name does not resolve): check --hosts.');
	for (const code of ['ENOTFOUND', 'EAI_AGAIN', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ECONNRESET', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_SSL_WRONG_VERSION_NUMBER']) {
		assert.match(describeNetworkError({code}, 'mx:8989', 1000).message, /^mx:8989 /, code);
	}
});
