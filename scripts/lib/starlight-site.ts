import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SynthFile } from './synth-corpus';

/**
 * A Starlight site in a scratch directory, installed from npm there (never a dependency of this
 * project), on the same Astro version as ours so the comparison is of the sites, not of Astro.
 * Two configurations: "minimal" is Starlight as its docs start it (a title and nothing else), whose
 * sidebar lists every page on every page; "fixed-sidebar" has a short fixed sidebar like our
 * header, the fastest way to configure Starlight for thousands of pages.
 */
export const starlightVariants = ['minimal', 'fixed-sidebar'] as const;
export type StarlightVariant = (typeof starlightVariants)[number];

const sidebars: Record<StarlightVariant, string> = {
  minimal: '',
  'fixed-sidebar': `
      sidebar: [
        { label: 'Explainers', link: '/' },
        { label: 'Sources', link: '/sources/' },
        { label: 'Timeline', link: '/events/' },
        { label: 'Actors', link: '/actors/' },
        { label: 'Glossary', link: '/glossary/' },
      ],`,
};

const config = (variant: StarlightVariant) => `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  integrations: [
    starlight({
      title: 'Minsk Talks Explained (Starlight)',${sidebars[variant]}
    }),
  ],
});
`;

const contentConfig = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

export function prepareStarlightSite(dir: string, astroVersion: string, variant: StarlightVariant): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  // npm install records the dependencies here, and Astro reads them to bundle Starlight: keep them.
  if (!existsSync(join(dir, 'package.json'))) {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'starlight-bench', private: true, type: 'module' }, null, 2));
  }
  writeFileSync(join(dir, 'astro.config.mjs'), config(variant));
  writeFileSync(join(dir, 'src/content.config.ts'), contentConfig);
  const installed = join(dir, 'node_modules/astro/package.json');
  if (existsSync(join(dir, 'node_modules/@astrojs/starlight')) && existsSync(installed)
    && JSON.parse(readFileSync(installed, 'utf8')).version === astroVersion) return;
  console.log(`installing @astrojs/starlight and astro@${astroVersion} into ${dir} …`);
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '@astrojs/starlight', `astro@${astroVersion}`], {
    cwd: dir,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`npm install in ${dir} failed`);
}

/** Replaces the site's pages with these. */
export function writeStarlightPages(dir: string, pages: SynthFile[]): void {
  const docs = join(dir, 'src/content/docs');
  rmSync(docs, { recursive: true, force: true });
  for (const page of pages) {
    const path = join(docs, page.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, page.text);
  }
}

/** Removes the last build's output and caches, for a clean build. */
export function cleanStarlightBuild(dir: string): void {
  for (const sub of ['dist', '.astro', 'node_modules/.astro']) rmSync(join(dir, sub), { recursive: true, force: true });
}
