// Evaluated in the page by test_client.py: renders tricky Markdown with the client's own
// renderer and reports what came out. `base` is the URL directory of the client's modules.
;async (base) => {
  const { renderMarkdown } = await import(base + 'markdown.js')
  const source = [
    '# Title <script>alert(1)</script>',
    '',
    'Text <img src=x onerror=alert(1)> **bold** O\\*NET *it* snake_case_name',
    '[bad](javascript:alert(1)) [good](https://www.onetonline.org/)',
    '',
    '- one',
    '- two **b**',
    '',
    '1. first',
    '2. second',
    '',
    '| Area | Score |',
    '| --- | ---: |',
    '| Realistic (R) | 10% |',
    '| a \\| b | 5% |',
    '',
    '### Sub — heading',
  ].join('\n')
  const box = document.createElement('div')
  box.append(renderMarkdown(source, { headingOffset: 2 }))
  // Half-written documents, as while the report streams.
  const partial = document.createElement('div')
  partial.append(renderMarkdown('## Head\n\n| A | B |\n| -', {}))
  partial.append(renderMarkdown('Some **unfinished', {}))
  const texts = (selector, show = (el) => el.textContent) =>
    [...box.querySelectorAll(selector)].map(show)
  return {
    dangerous: box.querySelectorAll('script, img, [onerror]').length,
    links: texts('a', (a) => a.href),
    headings: texts('h3, h4, h5', (h) => `${h.tagName}:${h.textContent}`),
    cells: texts('td', (td) => `${td.className}|${td.textContent}`),
    bullets: texts('ul > li'),
    numbered: texts('ol > li'),
    strong: texts('strong'),
    em: texts('em'),
    text: box.textContent,
    partial: partial.textContent,
  }
}
