// node test/bench/tsv-floor.mjs PORT PATH: what `--once --tsv` would cost with nothing of
// its own. Node's built-in HTTP client (no undici to load), the list read whole and parsed
// with one JSON.parse, maxctrl's eight cells joined with tabs, no sanitizing, no checks,
// no flags, no configuration. Plain JavaScript run by node itself, so that nothing but
// Node's start is in front of it. bench.tsx times it beside onceTsvMs, as a floor.

import {Buffer} from 'node:buffer';
import http from 'node:http';
import process from 'node:process';

const [port, path] = process.argv.slice(2);
const headers = {authorization: `Basic ${Buffer.from('admin:mariadb').toString('base64')}`};
http.get({host: '127.0.0.1', port, path, headers}, (response) => {
	const chunks = [];
	response.on('data', (chunk) => chunks.push(chunk));
	response.on('end', () => {
		const lines = JSON.parse(Buffer.concat(chunks).toString('utf8')).data.map((session) => {
			const {attributes: a, relationships: r} = session;
			const services = (r?.services?.data ?? []).map((service) => service.id).join(', ');
			return `${session.id}\t${a.user}\t${a.remote}\t${a.connected}\t${a.idle}\t${services}\t${a.memory?.total ?? ''}\t${a.io_activity}`;
		});
		process.stdout.write(`${lines.join('\n')}\n`);
	});
});
