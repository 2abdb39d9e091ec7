#!/usr/bin/env python3
"""Writes the webapps' Chinese locale files (app/<app>/locales/zh.json for Tasklist, Cockpit, Admin and
Welcome) from the English files shipped in camunda-webapp-webjar and our translation table zh.tsv.

Usage (from the repository root):  python3 scripts/locales/make-zh-locales.py [path/to/camunda-webapp-webjar.jar]

The key structure of each zh.json is exactly the shipped en.json's; every English text is looked up in
zh.tsv (English <TAB> Chinese). A text the table lacks (an upgrade added or changed it) is listed and
nothing is written: add its line to zh.tsv and run again. WebappsLocaleTest checks the result.
"""
import json
import pathlib
import re
import sys
import zipfile

REPO = pathlib.Path(__file__).resolve().parents[2]
VERSION = re.search(r'<camunda\.version>([^<]+)<', (REPO / 'pom.xml').read_text(encoding='utf-8'))
JAR = pathlib.Path.home() / '.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar' / \
    (VERSION.group(1) if VERSION else '7.24.0') / f"camunda-webapp-webjar-{VERSION.group(1) if VERSION else '7.24.0'}.jar"
APPS = ['tasklist', 'cockpit', 'admin', 'welcome']
OUT = REPO / 'src/main/resources/META-INF/resources/webjars/camunda/app'

# moment.js's calendar words for Chinese, with China's date order (dates as yyyy-mm-dd)
DATE_LOCALES = {
    'calendar': {'lastDay': '[昨天] LT', 'lastWeek': '[上]dddd LT', 'nextDay': '[明天] LT',
                 'nextWeek': '[下]dddd LT', 'sameDay': '[今天] LT', 'sameElse': 'L'},
    'longDateFormat': {'L': 'YYYY-MM-DD', 'LL': 'YYYY年M月D日', 'LLL': 'YYYY年M月D日 HH:mm',
                       'LLLL': 'YYYY年M月D日dddd HH:mm', 'LT': 'HH:mm', 'LTS': 'HH:mm:ss'},
    'months': ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
    'monthsShort': [f'{m}月' for m in range(1, 13)],
    'relativeTime': {'M': '1 个月', 'MM': '%d 个月', 'd': '1 天', 'dd': '%d 天', 'future': '%s后',
                     'h': '1 小时', 'hh': '%d 小时', 'm': '1 分钟', 'mm': '%d 分钟', 'past': '%s前',
                     's': '几秒', 'ss': '%d 秒', 'y': '1 年', 'yy': '%d 年', 'w': '1 周', 'ww': '%d 周'},
    'week': {'dow': 1, 'doy': 4},
    'weekdays': ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
    'weekdaysMin': ['日', '一', '二', '三', '四', '五', '六'],
    'weekdaysShort': ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
}


def unescape(text):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), text)


def table():
    rows = {}
    for line in (REPO / 'scripts/locales/zh.tsv').read_text(encoding='utf-8').splitlines():
        if line.startswith('#') or not line:
            continue
        en, _, zh = line.partition('\t')
        rows[unescape(en)] = unescape(zh)
    return rows


def translate(node, path, rows, missing):
    if isinstance(node, dict):
        return {key: translate(value, path + [key], rows, missing) for key, value in node.items()}
    if isinstance(node, list):
        return [translate(value, path + [str(i)], rows, missing) for i, value in enumerate(node)]
    if path[0] == 'dateLocales':
        value = DATE_LOCALES
        for key in path[1:]:
            value = value[int(key)] if isinstance(value, list) else value.get(key)
            if value is None:
                missing.append('.'.join(path))
                return node
        return value
    if node not in rows:
        missing.append(f"{'.'.join(path)}: {node!r}")
        return node
    return rows[node]


def main():
    jar = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else JAR
    rows = table()
    missing, written = [], {}
    with zipfile.ZipFile(jar) as webjar:
        for app in APPS:
            en = json.loads(webjar.read(f'META-INF/resources/webjars/camunda/app/{app}/locales/en.json').decode('utf-8-sig'))
            written[app] = translate(en, [], rows, missing)
    if missing:
        print('not in scripts/locales/zh.tsv (add them, then run again):\n  ' + '\n  '.join(missing), file=sys.stderr)
        sys.exit(1)
    for app, zh in written.items():
        target = OUT / app / 'locales/zh.json'
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(zh, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
        print(f'{target.relative_to(REPO)}')


if __name__ == '__main__':
    main()
