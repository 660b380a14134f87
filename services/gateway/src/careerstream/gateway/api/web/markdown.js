// A small, safe Markdown renderer for the reports: headings, paragraphs, ordered and
// unordered lists, tables (with column alignment), block quotes, rules, code, and inline
// bold, italic, code, backslash escapes and http(s) links.
//
// Safe by construction: it builds DOM nodes and only ever puts the source text into text
// nodes (never `innerHTML`), so any `<tag>` in the text shows as text. Links are kept only
// for http(s) and mailto URLs. It also renders a half-written document (the report while it
// streams) sensibly: an unfinished table row or `**` simply shows as text until it is done.

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|<>~"'&:;@$%^=?/,]/
const SAFE_URL = /^(https?:\/\/|mailto:)/i

const HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/
const BULLET = /^[ \t]{0,3}[-*+][ \t]+(.*)$/
const ORDERED = /^[ \t]{0,3}(\d{1,9})[.)][ \t]+(.*)$/
const RULE = /^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const FENCE = /^[ \t]{0,3}(```|~~~)/
const QUOTE = /^[ \t]{0,3}>[ \t]?(.*)$/
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

function el(tag, className) {
  const node = document.createElement(tag)
  if (className) node.className = className
  return node
}

// Split a table row on unescaped pipes; a leading and a trailing pipe are optional.
function cells(line) {
  let text = line.trim()
  if (text.startsWith('|')) text = text.slice(1)
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1)
  const out = []
  let cell = ''
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]
    if (c === '\\' && i + 1 < text.length) {
      cell += c + text[i + 1] // keep the escape for the inline pass
      i += 1
    } else if (c === '|') {
      out.push(cell.trim())
      cell = ''
    } else cell += c
  }
  out.push(cell.trim())
  return out
}

function alignments(delimiter) {
  return cells(delimiter).map((spec) => {
    const left = spec.startsWith(':')
    const right = spec.endsWith(':')
    if (left && right) return 'center'
    if (right) return 'right'
    if (left) return 'left'
    return ''
  })
}

// Index of the closing `delim` at or after `from`, skipping escaped characters; -1 if none.
function closing(text, delim, from) {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '\\') {
      i += 1
    } else if (text.startsWith(delim, i)) {
      // A single `*` must not take one half of a `**`.
      if (delim.length === 1 && text[i + 1] === delim) {
        i += 1
        continue
      }
      if (i > from && text[i - 1] !== ' ') return i
    }
  }
  return -1
}

const WORD = /[\p{L}\p{N}]/u

// Inline spans of `text` appended to `parent`.
export function renderInline(text, parent) {
  let plain = ''
  const flush = () => {
    if (plain) parent.append(document.createTextNode(plain))
    plain = ''
  }
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1])) {
      plain += text[i + 1]
      i += 2
      continue
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1)
      if (end > i + 1) {
        flush()
        const code = el('code')
        code.textContent = text.slice(i + 1, end)
        parent.append(code)
        i = end + 1
        continue
      }
    }
    const pair = text.slice(i, i + 2)
    if ((pair === '**' || pair === '__') && text[i + 2] && text[i + 2] !== ' ') {
      const end = closing(text, pair, i + 2)
      if (end > 0) {
        flush()
        const strong = el('strong')
        renderInline(text.slice(i + 2, end), strong)
        parent.append(strong)
        i = end + 2
        continue
      }
    }
    // `_` only opens emphasis at a word boundary, so snake_case stays as written.
    const opensEm =
      (c === '*' || (c === '_' && !WORD.test(text[i - 1] || ''))) &&
      text[i + 1] &&
      text[i + 1] !== ' ' &&
      text[i + 1] !== c
    if (opensEm) {
      const end = closing(text, c, i + 1)
      if (end > 0 && (c === '*' || !WORD.test(text[end + 1] || ''))) {
        flush()
        const em = el('em')
        renderInline(text.slice(i + 1, end), em)
        parent.append(em)
        i = end + 1
        continue
      }
    }
    if (c === '[') {
      const link = /^\[([^\]\n]+)\]\(([^()\s]+)\)/.exec(text.slice(i))
      if (link && SAFE_URL.test(link[2])) {
        flush()
        const a = el('a')
        a.href = link[2]
        a.rel = 'noopener noreferrer'
        a.target = '_blank'
        renderInline(link[1], a)
        parent.append(a)
        i += link[0].length
        continue
      }
    }
    plain += c
    i += 1
  }
  flush()
}

// Render `source` into a new DocumentFragment. `headingOffset` shifts heading levels (a
// report's `#` becomes an `h3` under the page's own `h2`, say); levels stop at h6.
export function renderMarkdown(source, { headingOffset = 0 } = {}) {
  const out = document.createDocumentFragment()
  const lines = String(source || '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
  let paragraph = []
  let list = null // {node, ordered, item}
  const endParagraph = () => {
    if (paragraph.length) {
      const p = el('p')
      renderInline(paragraph.join('\n'), p)
      out.append(p)
    }
    paragraph = []
  }
  const endList = () => {
    list = null
  }
  const endBlocks = () => {
    endParagraph()
    endList()
  }

  for (let n = 0; n < lines.length; n += 1) {
    const line = lines[n]
    if (line.trim() === '') {
      endParagraph()
      // A blank line between items keeps the list going; anything else ends it below.
      continue
    }
    let match
    if (FENCE.test(line)) {
      endBlocks()
      const fence = FENCE.exec(line)[1]
      const body = []
      n += 1
      while (n < lines.length && !lines[n].trim().startsWith(fence)) {
        body.push(lines[n])
        n += 1
      }
      const pre = el('pre')
      const code = el('code')
      code.textContent = body.join('\n')
      pre.append(code)
      out.append(pre)
      continue
    }
    if ((match = HEADING.exec(line))) {
      endBlocks()
      const level = Math.min(6, match[1].length + headingOffset)
      const h = el(`h${level}`)
      renderInline(match[2], h)
      out.append(h)
      continue
    }
    if (RULE.test(line)) {
      endBlocks()
      out.append(el('hr'))
      continue
    }
    if (line.includes('|') && n + 1 < lines.length && TABLE_DELIMITER.test(lines[n + 1])) {
      endBlocks()
      const align = alignments(lines[n + 1])
      const table = el('table')
      const head = el('thead')
      const headRow = el('tr')
      cells(line).forEach((text, column) => {
        const th = el('th')
        th.scope = 'col'
        if (align[column]) th.className = `align-${align[column]}`
        renderInline(text, th)
        headRow.append(th)
      })
      head.append(headRow)
      table.append(head)
      const bodyRows = el('tbody')
      n += 2
      while (n < lines.length && lines[n].includes('|') && lines[n].trim() !== '') {
        const tr = el('tr')
        cells(lines[n]).forEach((text, column) => {
          const td = el('td')
          if (align[column]) td.className = `align-${align[column]}`
          renderInline(text, td)
          tr.append(td)
        })
        bodyRows.append(tr)
        n += 1
      }
      n -= 1
      table.append(bodyRows)
      const wrap = el('div', 'table-wrap') // scrolls sideways on a narrow screen
      wrap.append(table)
      out.append(wrap)
      continue
    }
    const bullet = BULLET.exec(line)
    const ordered = bullet ? null : ORDERED.exec(line)
    if (bullet || ordered) {
      endParagraph()
      const isOrdered = Boolean(ordered)
      if (!list || list.ordered !== isOrdered) {
        const node = el(isOrdered ? 'ol' : 'ul')
        if (isOrdered && ordered[1] !== '1') node.start = Number(ordered[1])
        out.append(node)
        list = { node, ordered: isOrdered }
      }
      const item = el('li')
      renderInline(isOrdered ? ordered[2] : bullet[1], item)
      list.node.append(item)
      list.item = item
      continue
    }
    if ((match = QUOTE.exec(line))) {
      endBlocks()
      const quote = el('blockquote')
      const p = el('p')
      renderInline(match[1], p)
      quote.append(p)
      out.append(quote)
      continue
    }
    if (list && /^[ \t]+\S/.test(line) && !paragraph.length) {
      // An indented line right after an item continues that item.
      list.item.append(document.createTextNode('\n'))
      renderInline(line.trim(), list.item)
      continue
    }
    endList()
    paragraph.push(line)
  }
  endBlocks()
  return out
}
