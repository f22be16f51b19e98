// The real MaxScale example responses live beside the checkout, in ../shared.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const fixturesDir = path.resolve(fileURLToPath(import.meta.url), '../../../..', 'shared', 'fixtures', 'maxscale');

export function fixtureText(name: string): string {
	return readFileSync(path.join(fixturesDir, name), 'utf8');
}

export function fixture(name: string): unknown {
	return JSON.parse(fixtureText(name));
}

/** Every version's list and detail example, oldest first. */
export const versions = ['seed-2.1', 'v2.2', 'v2.5', 'v6', 'v22.08', 'v23', 'v24'] as const;
