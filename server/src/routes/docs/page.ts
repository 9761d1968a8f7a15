/** The docs page: a shell that loads {@link DOCS_JS}; works offline (no CDN). */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Leadport API</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1c2430; background: #f6f7f9; }
main { max-width: 960px; margin: 0 auto; padding: 1.5rem 2rem 4rem; }
h1 { margin: 0 0 .25rem; } h2 { margin: 2rem 0 .5rem; }
details { background: #fff; border: 1px solid #e3e7ee; border-radius: .5rem; margin: .5rem 0; }
summary { padding: .6rem .9rem; cursor: pointer; }
.body { padding: 0 .9rem .9rem; }
.m { display: inline-block; min-width: 4.2rem; font: 600 .8rem ui-monospace, monospace; text-transform: uppercase; }
.get { color: #1e7b34; } .post { color: #2f5bea; } .patch { color: #9a5b00; }
code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; }
pre { background: #f3f5f8; padding: .6rem; border-radius: .4rem; overflow: auto; max-height: 24rem; }
table { border-collapse: collapse; } td, th { text-align: left; padding: .2rem .6rem .2rem 0; vertical-align: top; }
.muted { color: #667085; }
</style>
</head>
<body><main>
<h1>Leadport API</h1>
<p class="muted">Generated from <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<div id="docs"><p>Loading…</p></div>
</main>
<script src="/api/docs/docs.js"></script>
</body>
</html>
`

/** The docs page's script: renders every operation of the OpenAPI document as text nodes. */
export const DOCS_JS = `'use strict'
;(async () => {
  const root = document.getElementById('docs')
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v)
    for (const k of kids) e.append(k)
    return e
  }
  let doc
  try {
    const res = await fetch('/api/openapi.json')
    doc = await res.json()
  } catch (err) {
    root.replaceChildren(el('p', {}, 'Could not load the API description: ' + err))
    return
  }
  const pretty = (s) => el('pre', {}, JSON.stringify(s, null, 2))
  const byTag = new Map()
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = (op.tags && op.tags[0]) || 'Other'
      if (!byTag.has(tag)) byTag.set(tag, [])
      byTag.get(tag).push({ path, method, op })
    }
  }
  const out = [el('p', {}, doc.info.description || ''), el('p', { class: 'muted' }, 'Version ' + doc.info.version)]
  for (const [tag, ops] of byTag) {
    out.push(el('h2', {}, tag))
    for (const { path, method, op } of ops) {
      const body = el('div', { class: 'body' })
      if (op.description) body.append(el('p', {}, op.description))
      if (op.parameters && op.parameters.length) {
        const rows = op.parameters.map((p) =>
          el('tr', {}, el('td', {}, el('code', {}, p.name)), el('td', { class: 'muted' }, p.in), el('td', {}, p.description || '')))
        body.append(el('h4', {}, 'Parameters'), el('table', {}, ...rows))
      }
      if (op.requestBody) {
        // JSON bodies, and multipart for file uploads: show the first media type given.
        const [type, media] = Object.entries(op.requestBody.content)[0] || []
        body.append(el('h4', {}, 'Request body (' + type + ')'))
        if (media && media.schema) body.append(pretty(media.schema))
      }
      body.append(el('h4', {}, 'Responses'))
      for (const [status, r] of Object.entries(op.responses)) {
        const types = r.content ? Object.keys(r.content) : []
        const s = r.content && r.content['application/json'] && r.content['application/json'].schema
        body.append(el('p', {}, el('strong', {}, status), ' ', r.description))
        if (types.length && !r.content['application/json']) body.append(el('p', { class: 'muted' }, types.join(', ')))
        if (s && !s.$ref) body.append(pretty(s))
        else if (s) body.append(el('p', { class: 'muted' }, 'Schema: ' + s.$ref.split('/').pop()))
      }
      const summary = el('summary', {}, el('span', { class: 'm ' + method }, method), ' ', el('code', {}, path), ' — ', op.summary || '')
      out.push(el('details', { 'data-op': method.toUpperCase() + ' ' + path }, summary, body))
    }
  }
  out.push(el('h2', {}, 'Schemas'))
  for (const [name, s] of Object.entries(doc.components.schemas)) {
    out.push(el('details', {}, el('summary', {}, el('code', {}, name)), el('div', { class: 'body' }, pretty(s))))
  }
  root.replaceChildren(...out)
})()
`
