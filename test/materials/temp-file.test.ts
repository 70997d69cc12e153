import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepTempUploads, TEMP_UPLOAD_PREFIX } from '../../src/materials/temp-file.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('sweeping temporary uploads at start', () => {
  it('removes only upload files older than the limit, and leaves everything else alone', async () => {
    const dir = tempDir('hub-sweep-');
    const old = join(dir, `${TEMP_UPLOAD_PREFIX}old`);
    writeFileSync(old, 'left by a killed process');
    const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    writeFileSync(join(dir, `${TEMP_UPLOAD_PREFIX}fresh`), 'an upload under way');
    writeFileSync(join(dir, 'someone-elses-file'), 'not ours');
    utimesSync(join(dir, 'someone-elses-file'), twoHoursAgo, twoHoursAgo);

    expect(await sweepTempUploads(dir, 3600_000)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['someone-elses-file', `${TEMP_UPLOAD_PREFIX}fresh`]);
    expect(await sweepTempUploads(join(dir, 'missing'), 0)).toBe(0);
  });
});
