// The preview page: lists the outputs (out/manifest.json), shows the chosen PDF's pages with
// pdf.js (a canvas and a text layer per page) or out/index.html, and follows the builds the
// server announces (server-sent events on /events): a changed PDF is drawn again in place.
import * as pdfjs from '/pdfjs/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';

const $ = (id) => document.getElementById(id);
const state = { outputs: [], selected: decodeURIComponent(location.hash.slice(1)) || '', shown: '', renders: 0, builds: 0 };
// Read by tests and by anyone curious: how many builds were announced and pages drawn.
window.jianbaoPreview = state;

function setStatus(kind, text) {
  $('status').dataset.state = kind;
  $('status').textContent = text;
}

function nav() {
  const box = $('outputs');
  box.replaceChildren();
  const index = document.createElement('button');
  index.textContent = '全部输出 (index.html)';
  index.dataset.path = 'index.html';
  index.setAttribute('aria-current', String(state.selected === 'index.html'));
  index.onclick = () => select('index.html');
  box.append(index);
  const bySource = new Map();
  for (const o of state.outputs) {
    if (!bySource.has(o.source)) bySource.set(o.source, []);
    bySource.get(o.source).push(o);
  }
  for (const [source, outs] of bySource) {
    const h = document.createElement('h2');
    h.textContent = outs[0].title || source;
    h.title = source;
    box.append(h);
    for (const o of outs) {
      if (o.format === 'pdf') {
        const b = document.createElement('button');
        b.textContent = `${o.layout}.pdf${o.pages ? ` (${o.pages} 页)` : ''}`;
        b.dataset.path = o.path;
        b.setAttribute('aria-current', String(o.path === state.selected));
        b.onclick = () => select(o.path);
        box.append(b);
      } else {
        const a = document.createElement('a');
        a.href = `/out/${o.path.split('/').map(encodeURIComponent).join('/')}`;
        a.textContent = o.path.split('/').pop();
        a.download = '';
        box.append(a);
      }
    }
  }
}

function select(path) {
  state.selected = path;
  history.replaceState(null, '', `#${encodeURIComponent(path)}`);
  nav();
  show(true);
}

/** Draws the selected output: a PDF's pages, or out/index.html; `force` draws it even if unchanged. */
async function show(force) {
  const pdfs = state.outputs.filter((o) => o.format === 'pdf');
  if (!state.selected || (state.selected !== 'index.html' && !pdfs.some((o) => o.path === state.selected))) state.selected = pdfs[0]?.path ?? 'index.html';
  const frame = $('index');
  const pages = $('pages');
  if (state.selected === 'index.html') {
    pages.hidden = true;
    frame.hidden = false;
    frame.src = `/out/index.html?v=${state.builds}`;
    state.shown = 'index.html';
    return;
  }
  frame.hidden = true;
  pages.hidden = false;
  const output = pdfs.find((o) => o.path === state.selected);
  const key = `${output.path}@${output.sha256}`;
  if (!force && state.shown === key) return;
  const scroll = $('view').scrollTop;
  const url = `/out/${output.path.split('/').map(encodeURIComponent).join('/')}?v=${output.sha256}`;
  const doc = await pdfjs.getDocument({ url, isEvalSupported: false }).promise;
  const fresh = document.createElement('div');
  const width = Math.max(320, pages.clientWidth - 32);
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const scale = Math.min(2, width / base.width);
    const viewport = page.getViewport({ scale });
    const box = document.createElement('div');
    box.className = 'page';
    box.dataset.page = String(n);
    box.style.width = `${viewport.width}px`;
    box.style.height = `${viewport.height}px`;
    box.style.setProperty('--scale-factor', String(scale));
    const canvas = document.createElement('canvas');
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    const text = document.createElement('div');
    text.className = 'textLayer';
    box.append(canvas, text);
    fresh.append(box);
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
    await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
  }
  await doc.destroy();
  pages.replaceChildren(...fresh.childNodes);
  $('view').scrollTop = scroll;
  state.shown = key;
  state.renders++;
}

async function loadManifest() {
  const res = await fetch(`/out/manifest.json?v=${Date.now()}`, { cache: 'no-store' });
  if (!res.ok) return [];
  return (await res.json()).outputs ?? [];
}

async function onBuild(event) {
  state.builds = event.seq;
  if (event.ok) {
    $('errors').hidden = true;
    setStatus('ok', event.rebuilt > 0 ? `rebuilt ${event.rebuilt} of ${event.total} at ${event.at}` : `${event.total} outputs up to date at ${event.at}`);
  } else {
    $('errors').hidden = false;
    $('errors').textContent = event.message;
    setStatus('error', `not rebuilt at ${event.at}: the last good outputs stay`);
  }
  state.outputs = await loadManifest();
  nav();
  await show(false);
}

// One build at a time, in order: a save during a redraw waits for it.
let queue = Promise.resolve();
const events = new EventSource('/events');
events.addEventListener('build', (e) => {
  const event = JSON.parse(e.data);
  queue = queue.then(() => onBuild(event)).catch((err) => setStatus('error', String(err)));
});
events.addEventListener('building', () => setStatus('building', 'building…'));
// An output written while the build goes on: a PDF on show is drawn again at once.
events.addEventListener('output', (e) => {
  const written = JSON.parse(e.data);
  const known = state.outputs.find((o) => o.path === written.path);
  if (!known) return;
  Object.assign(known, written);
  if (written.path === state.selected) queue = queue.then(() => show(false)).catch((err) => setStatus('error', String(err)));
});
events.onerror = () => setStatus('error', 'the preview server stopped (Ctrl-C?); reload when it runs again');
