/// <reference types="astro/client" />

// The site's configuration, served by src/lib/site-config.ts's integration. An ambient declaration cannot import a
// relative module, so the type comes in by an import() type.
declare module 'virtual:gongshi/site-config' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const config: import('./lib/site-config.ts').SiteConfig;
  export default config;
}
