import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesDigest } from '../../src/utils/digests-fs';

describe('filesDigest', () => {
  it('changes when a file under the folders changes or is added, not for a file elsewhere', () => {
    const root = mkdtempSync(join(tmpdir(), 'mte-digest-'));
    mkdirSync(join(root, 'code/nested'), { recursive: true });
    writeFileSync(join(root, 'code/a.ts'), 'export const a = 1;');
    writeFileSync(join(root, 'code/nested/b.ts'), 'export const b = 2;');
    const digest = () => filesDigest(['code', 'missing'], root);
    const first = digest();
    expect(digest()).toBe(first);
    writeFileSync(join(root, 'code/nested/b.ts'), 'export const b = 3;');
    const edited = digest();
    expect(edited).not.toBe(first);
    writeFileSync(join(root, 'code/c.ts'), '');
    expect(digest()).not.toBe(edited);
    writeFileSync(join(root, 'elsewhere.ts'), 'not under the folders');
    const added = digest();
    expect(digest()).toBe(added);
    expect(filesDigest(['code'], root)).not.toBe(filesDigest(['code/nested'], root));
  });
});
