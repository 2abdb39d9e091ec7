// Anju's Cockpit configuration: replaces the webapp's default app/cockpit/scripts/config.js (Spring Boot
// serves this file ahead of the one in camunda-webapp-webjar). Paths are relative to app/cockpit/.
export default {
  // Chinese first (locales/zh.json, ours); English for a browser that asks for it, or with ?lang=en
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  customScripts: [
    // the language choice and the header without the end-of-life notice (all four webapps)
    '../anju/webapps',
    // the "住房安全保障 Housing security" dashboard plugin (plain ES module, no build step)
    'scripts/housing-security.js'
  ]
};
