// Ink's Output, patched to carry its work across frames (source/ui/ink-caches.ts),
// must draw what Ink draws, byte for byte: the same run of the real screens and of
// random styled trees (test/ui/frames-of-screens.tsx), drawn by an Ink with the
// patches and by one without, in two processes, must give the same frames.

import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import process from 'node:process';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const script = fileURLToPath(new URL('frames-of-screens.tsx', import.meta.url));

async function framesOf(mode: 'patched' | 'plain'): Promise<{patched: boolean; frames: string[]}> {
	const {stdout} = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, mode], {
		// Colours on, as in a terminal, so that styles are part of what is compared.
		env: {...process.env, FORCE_COLOR: '3', NODE_ENV: 'production'},
		maxBuffer: 256 * 1024 * 1024,
	});
	return JSON.parse(stdout) as {patched: boolean; frames: string[]};
}

test('the patched Ink draws the same bytes as Ink, frame after frame', async () => {
	const [plain, patched] = await Promise.all([framesOf('plain'), framesOf('patched')]);
	assert.equal(plain.patched, false, 'the run without the patches had them');
	assert.equal(patched.patched, true, 'the patches were not active');
	assert.ok(plain.frames.length > 500, `only ${plain.frames.length} frames`);
	assert.ok(plain.frames.every((frame) => frame.includes('\u001B[')), 'frames without styles compare less');
	assert.equal(patched.frames.length, plain.frames.length);
	for (const [index, frame] of plain.frames.entries()) {
		assert.equal(patched.frames[index], frame, `frame ${index} differs`);
	}
});
