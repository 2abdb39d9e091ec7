// Anju's Tasklist configuration: replaces the webapp's default app/tasklist/scripts/config.js (Spring Boot
// serves this file ahead of the one in camunda-webapp-webjar). Paths are relative to app/tasklist/.
export default {
  // Chinese first (locales/zh.json, ours); English for a browser that asks for it, or with ?lang=en
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  customScripts: [
    // the county's name in the task header, refusals without a prefix, Camunda Forms in Chinese; it imports
    // ../anju/webapps.js, the language choice and the header without the end-of-life notice (all four webapps)
    'scripts/anju-tasklist'
  ],
  // the webapp's own shortcuts (the default config.js's), kept since this file replaces it
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  }
};
