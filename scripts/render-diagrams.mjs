#!/usr/bin/env node
// Render every processes/*.bpmn to docs/<name>.svg and docs/<name>.png.
//
// The model is loaded into the bpmn-js NavigatedViewer (production bundle from
// node_modules) inside headless Chromium driven by playwright-core. The page
// is blank and every network request is aborted: nothing is fetched.
//
// Environment:
//   CHROMIUM_PATH   browser executable (default /usr/bin/chromium)
//   RENDER_WIDTH    PNG width in CSS px (default 2400)
//   RENDER_MIN_ZOOM smallest acceptable zoom (default 1, i.e. the modeler's
//                   100%); a diagram too wide to fit RENDER_WIDTH at that
//                   zoom gets a wider PNG instead of unreadably small text
//
// Chinese labels need a CJK font on the machine (Debian: fonts-noto-cjk);
// without one they render as boxes, so the script refuses to run when a model
// contains CJK text and fontconfig knows no Chinese font.
//
// Usage: node scripts/render-diagrams.mjs [file.bpmn ...]   (default: processes/*.bpmn)

import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const processesDir = path.join(root, 'processes');
const docsDir = path.join(root, 'docs');

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const width = Number(process.env.RENDER_WIDTH || 2400);
const minZoom = Number(process.env.RENDER_MIN_ZOOM || 1);
const padding = 40; // px of white space around the diagram in the PNG
const minHeight = 300;
const maxHeight = 8000;

const bpmnJsDir = path.dirname(require.resolve('bpmn-js/package.json'));
const viewerBundle = path.join(bpmnJsDir, 'dist', 'bpmn-navigated-viewer.production.min.js');
const styles = [
  path.join(bpmnJsDir, 'dist', 'assets', 'diagram-js.css'),
  path.join(bpmnJsDir, 'dist', 'assets', 'bpmn-js.css')
];

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

// bpmn-js gives every arrow-head <marker> a random id; number them in order
// of appearance so that re-rendering an unchanged model gives the same SVG.
function stableIds(svg) {
  let n = 0;
  const ids = new Map();
  for (const [, id] of svg.matchAll(/<marker id="([^"]+)"/g)) {
    if (!ids.has(id)) {
      ids.set(id, `marker-${++n}`);
    }
  }
  return svg.replace(/#?\bmarker-[a-z0-9]{6,}\b/g, m => {
    const hash = m.startsWith('#') ? '#' : '';
    const id = ids.get(m.slice(hash.length));
    return id ? hash + id : m;
  });
}

async function listModels(argv) {
  if (argv.length) {
    return argv.map(f => path.resolve(f));
  }
  const entries = await readdir(processesDir);
  return entries
    .filter(f => f.endsWith('.bpmn'))
    .sort()
    .map(f => path.join(processesDir, f));
}

function hasChineseFont() {
  try {
    return execFileSync('fc-list', [ ':lang=zh', 'family' ], { encoding: 'utf8' }).trim() !== '';
  } catch (err) {
    return null; // fc-list not available: cannot tell
  }
}

async function render(browser, file) {
  const base = path.basename(file, '.bpmn');
  const xml = await readFile(file, 'utf8');

  const context = await browser.newContext({
    viewport: { width, height: 1200 },
    deviceScaleFactor: 1,
    offline: true,
    serviceWorkers: 'block'
  });

  const page = await context.newPage();

  // belt and braces: no request may leave the page
  await page.route('**/*', route => route.abort());

  const pageErrors = [];
  page.on('pageerror', err => pageErrors.push(err.message));

  await page.setContent(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<style>
  html, body { margin: 0; padding: 0; background: #fff; overflow: hidden; }
  #canvas { position: absolute; inset: 0; background: #fff; }
  /* hide the bpmn.io watermark and the sub-process drill-down buttons
     (interactive overlays, not part of the diagram or of the SVG) */
  .bjs-powered-by, .bjs-drilldown { display: none !important; }
</style></head>
<body><div id="canvas"></div></body></html>`);

  for (const css of styles) {
    await page.addStyleTag({ path: css });
  }
  await page.addScriptTag({ path: viewerBundle });

  const result = await page.evaluate(async (bpmnXML) => {
    // eslint-disable-next-line no-undef
    const viewer = new BpmnJS({ container: '#canvas' });
    window.__viewer = viewer;
    const { warnings } = await viewer.importXML(bpmnXML);
    const canvas = viewer.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
    const { inner } = canvas.viewbox();
    return {
      warnings: warnings.map(w => w.message),
      inner: { x: inner.x, y: inner.y, width: inner.width, height: inner.height }
    };
  }, xml);

  if (pageErrors.length) {
    throw new Error(`${base}: page errors: ${pageErrors.join('; ')}`);
  }

  // Size the viewport to the diagram's aspect ratio so that fit-viewport
  // fills the full width instead of letterboxing a tall/wide diagram; widen
  // it when the diagram would otherwise be drawn below minZoom.
  let pngWidth = width;
  let scale = (pngWidth - 2 * padding) / result.inner.width;
  if (scale < minZoom) {
    scale = minZoom;
    pngWidth = Math.ceil(result.inner.width * scale) + 2 * padding;
  }
  const height = Math.min(maxHeight, Math.max(minHeight,
    Math.ceil(result.inner.height * scale) + 2 * padding));

  await page.setViewportSize({ width: pngWidth, height });

  const zoom = await page.evaluate((pad) => {
    const canvas = window.__viewer.get('canvas');
    canvas.resized();
    // fit the diagram, then leave a margin of `pad` screen pixels on every side
    canvas.zoom('fit-viewport', 'auto');
    const vb = canvas.viewbox();
    const z = Math.min(
      (vb.outer.width - 2 * pad) / vb.inner.width,
      (vb.outer.height - 2 * pad) / vb.inner.height
    );
    canvas.viewbox({
      x: vb.inner.x - (vb.outer.width / z - vb.inner.width) / 2,
      y: vb.inner.y - (vb.outer.height / z - vb.inner.height) / 2,
      width: vb.outer.width / z,
      height: vb.outer.height / z
    });
    return canvas.zoom();
  }, padding);

  const { svg } = await page.evaluate(() => window.__viewer.saveSVG({ format: true }));

  await writeFile(path.join(docsDir, `${base}.svg`), stableIds(svg) + '\n', 'utf8');

  const pngPath = path.join(docsDir, `${base}.png`);
  await page.locator('#canvas').screenshot({ path: pngPath, animations: 'disabled' });

  await context.close();

  return { base, width: pngWidth, height, zoom, warnings: result.warnings };
}

async function main() {
  if (!existsSync(executablePath)) {
    console.error(`render-diagrams: browser not found at ${executablePath} ` +
      '(Debian: apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)');
    process.exit(2);
  }

  const files = await listModels(process.argv.slice(2));
  if (!files.length) {
    console.error('render-diagrams: no BPMN files found');
    process.exit(1);
  }

  const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
  const needsCjk = (await Promise.all(files.map(f => readFile(f, 'utf8')))).some(x => cjk.test(x));
  if (needsCjk) {
    const ok = hasChineseFont();
    if (ok === false) {
      console.error('render-diagrams: the models contain Chinese text but no Chinese font is installed; ' +
        'labels would render as boxes (Debian: apt-get install -y fonts-noto-cjk)');
      process.exit(2);
    }
    if (ok === null) {
      console.warn('render-diagrams: fc-list not found, cannot check for a Chinese font');
    }
  }

  await mkdir(docsDir, { recursive: true });

  const browser = await chromium.launch({ executablePath, headless: true, args: launchArgs });

  let failed = false;
  try {
    for (const file of files) {
      try {
        const r = await render(browser, file);
        console.log(`rendered ${path.relative(root, file)} -> docs/${r.base}.svg, docs/${r.base}.png ` +
          `(${r.width}x${r.height}px, zoom ${r.zoom.toFixed(3)})`);
        for (const w of r.warnings) {
          console.warn(`  import warning: ${w}`);
        }
      } catch (err) {
        failed = true;
        console.error(`render-diagrams: ${path.relative(root, file)}: ${err.message}`);
      }
    }
  } finally {
    await browser.close();
  }

  process.exit(failed ? 1 : 0);
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
