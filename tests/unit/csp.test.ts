import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { astroCspConfig, cspDirectives, cspHash, headerPolicy, headersFile, headersForPath, parsePolicy, policyInHtml } from '../../src/features/security/csp';
import { inlineScripts } from '../../src/features/security/inline-scripts';

describe('the Content-Security-Policy definition', () => {
  it('hashes inline script text as browsers do (SHA-256 of the UTF-8 text, base64)', () => {
    const text = "console.log('é')";
    expect(cspHash(text)).toBe(`sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}`);
  });

  it("allows the layout's inline scripts, Pagefind's WASM and workers, and nothing inline besides", () => {
    const config = astroCspConfig(Object.values(inlineScripts));
    expect(config.scriptDirective.hashes).toEqual(Object.values(inlineScripts).map(cspHash));
    expect(config.scriptDirective.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(config.scriptDirective.resources).not.toContain("'unsafe-inline'");
    expect(config.directives).toContain("worker-src 'self' blob:");
    expect(config.directives).toContain("object-src 'none'");
  });

  it('reads the policy back out of a built page', () => {
    const html = `<head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' &#39;sha256-x&#39;"></head>`;
    expect(policyInHtml(html)).toBe("default-src 'self'; script-src 'self' 'sha256-x'");
    expect(policyInHtml('<head></head>')).toBeUndefined();
  });

  it('makes the header from the configuration, adding the hashes the pages carry', () => {
    const merged = parsePolicy(headerPolicy([
      { file: 'a/index.html', policy: "default-src 'self'; script-src 'self' 'sha256-a'" },
      { file: 'b/index.html', policy: "script-src 'self' 'sha256-b'; style-src 'self'" },
    ]));
    expect(merged.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-a'", "'sha256-b'"]);
    expect(merged.get('default-src')).toEqual(["'self'"]);
    expect(merged.get('style-src')).toEqual(["'self'"]);
    expect([...merged.keys()]).toEqual([...cspDirectives.map((d) => d.split(' ')[0]), 'script-src', 'style-src']);
  });

  it('writes a _headers file for every path under the base, with frame-ancestors', () => {
    const file = headersFile("default-src 'self'", '/minsk/');
    const headers = headersForPath(file, '/minsk/sources/x/');
    expect(headers['Content-Security-Policy']).toBe("default-src 'self'; frame-ancestors 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headersForPath(file, '/elsewhere/')).toEqual({});
  });
});
