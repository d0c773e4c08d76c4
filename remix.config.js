/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // Classic Remix compiler (the user's design card asks for remix.config.js, not the Vite plugin).
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  // Tailwind 4 only works through PostCSS: `tailwind: true` does not understand v4.
  postcss: true,
  tailwind: false,
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: false,
    v3_lazyRouteDiscovery: false,
  },
};
