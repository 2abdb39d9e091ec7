// Anju's Admin configuration: replaces the webapp's default app/admin/scripts/config.js (Spring Boot serves this
// file ahead of the one in camunda-webapp-webjar). Paths are relative to app/admin/.
export default {
  // Chinese first (locales/zh.json, ours); English for a browser that asks for it, or with ?lang=en
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  customScripts: [
    // the language choice and the header without the end-of-life notice (all four webapps)
    '../anju/webapps'
  ]
};
