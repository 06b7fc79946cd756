import type { contentComponents } from '../content/checks/content-guard';
import Cite from './Cite.astro';
import Quote from './Quote.astro';
import RegionMap from './RegionMap.astro';
import Variant from './Variant.astro';
import Variants from './Variants.astro';

/**
 * The components content MDX uses without imports, passed to <Content components={…} />. Typed
 * against the content guard's allow-list: adding a component to one without the other fails `astro check`.
 */
export const mdxComponents = { Cite, Quote, Variants, Variant, RegionMap } satisfies Record<keyof typeof contentComponents, unknown>;
