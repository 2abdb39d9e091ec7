// Anju's Cockpit configuration: replaces the webapp's default app/cockpit/scripts/config.js (Spring Boot
// serves this file ahead of the one in camunda-webapp-webjar). Paths are relative to app/cockpit/.
export default {
  customScripts: [
    // the "住房安全保障 Housing security" dashboard plugin (plain ES module, no build step)
    'scripts/housing-security.js'
  ]
};
