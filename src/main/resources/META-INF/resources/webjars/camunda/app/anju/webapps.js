// What Anju changes in all four webapps (Tasklist, Cockpit, Admin, Welcome): listed in each app's
// scripts/config.js under customScripts, so it runs after the app's AngularJS modules are defined and
// before the app starts.
//
// - The language: the webapps pick the first of the browser's languages that config.js offers (zh, en),
//   else its fallback (zh). ?lang=en or ?lang=zh in the address chooses one for this browser and keeps
//   the choice (localStorage "anju.language"); ?lang=browser forgets it.
// - The end-of-life notice ("It is time to migrate to Camunda 8 …") that 7.24 CE shows on every page
//   has no configuration switch (cam-widget-header.html renders it whenever the edition is CE); it is
//   taken out of the header's template, so it is never rendered. The README tells the operator instead.

const STORED = 'anju.language';

function chosenLanguage() {
  const asked = new URLSearchParams(window.location.search).get('lang');
  try {
    if (asked === 'browser') {
      window.localStorage.removeItem(STORED);
    } else if (asked === 'en' || asked === 'zh') {
      window.localStorage.setItem(STORED, asked);
    }
    return window.localStorage.getItem(STORED);
  } catch (e) {
    return asked === 'en' || asked === 'zh' ? asked : null;
  }
}

const chosen = chosenLanguage();
if (chosen) {
  // the webapps read navigator.languages[0] once, when they start (common/scripts/services/locales.js)
  Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => [chosen] });
  Object.defineProperty(window.navigator, 'language', { configurable: true, get: () => chosen });
}

/** The language the webapps show: the browser's first language if offered, else Chinese. */
export function language() {
  const first = (window.navigator.languages && window.navigator.languages[0]) || window.navigator.language || '';
  return first.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

const angular = window.angular;
if (angular) {
  angular.module('cam.commons').config(['$provide', function($provide) {
    $provide.decorator('camWidgetHeaderDirective', ['$delegate', function($delegate) {
      $delegate.forEach(function(directive) {
        if (typeof directive.template === 'string') {
          directive.template = directive.template.replace(/<div ng-if="isCommunityEdition"[^>]*>[\s\S]*?<\/div>\s*/, '');
        }
      });
      return $delegate;
    }]);
  }]);
}

export default [];
