interface ImportMetaEnv {
  /** This build's version, set by src/integrations/service-worker.ts. */
  readonly SITE_VERSION: string;
}
