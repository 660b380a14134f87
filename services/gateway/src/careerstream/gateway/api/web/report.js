// The finished report: the RIASEC chart, the Holland code, the top occupations and the whole
// report rendered from its Markdown. Labels follow the UI language; the report's own text
// (Markdown, occupation titles, reasons) is in the session's language, as the reporter wrote it.

import { AREAS, riasecChart } from './chart.js'
import { getLocale, percent, t } from './i18n.js'
import { renderMarkdown } from './markdown.js'

const TOP_MATCHES = 5

// `ui`: the page's elements (chart, holland, topMatches, reportBody, reportAttribution).
export function renderReportView(ui, report) {
  const names = Object.fromEntries(AREAS.map((letter) => [letter, t(`riasec_${letter}`)]))
  const list = AREAS.map((letter) => `${names[letter]} ${percent(report.riasec?.[letter])}`)
  const caption = document.createElement('figcaption')
  caption.textContent = t('chartTitle')
  ui.chart.replaceChildren(
    riasecChart(report.riasec || {}, {
      names,
      code: report.holland_code || '',
      title: t('chartTitle'),
      description: t('chartDesc', { list: list.join(', ') }),
    }),
    caption,
  )
  ui.holland.replaceChildren(...holland(report, names))
  ui.topMatches.replaceChildren(...matches(report))
  ui.reportBody.replaceChildren(renderMarkdown(report.markdown || '', { headingOffset: 2 }))
  ui.reportAttribution.textContent = report.attribution || ''
}

function holland(report, names) {
  const code = report.holland_code || ''
  const label = document.createElement('p')
  label.className = 'holland-label'
  label.textContent = t('hollandCode')
  const letters = document.createElement('p')
  letters.className = 'holland-code'
  for (const letter of code) {
    const span = document.createElement('span')
    span.className = 'holland-letter'
    span.title = names[letter] || letter
    const big = document.createElement('b')
    big.textContent = letter
    const small = document.createElement('small')
    small.textContent = names[letter] || ''
    span.append(big, small)
    letters.append(span)
  }
  const source = document.createElement('p')
  source.className = 'muted small'
  const from = report.riasec_source === 'assessment' ? t('sourceAssessment') : t('sourceInferred')
  source.textContent = `${from} · ${t('confidence', { pct: percent(report.confidence) })}`
  return [label, letters, source]
}

function matches(report) {
  const heading = document.createElement('h3')
  heading.textContent = t('topOccupations')
  const list = document.createElement('ol')
  list.className = 'matches'
  for (const match of (report.matches || []).slice(0, TOP_MATCHES)) {
    const item = document.createElement('li')
    const head = document.createElement('div')
    head.className = 'match-head'
    const title = document.createElement('span')
    title.className = 'match-title'
    title.textContent = match.title
    const score = document.createElement('span')
    score.className = 'match-score'
    score.textContent = t('matchScore', { pct: percent(match.score) })
    head.append(title, score)
    const meter = document.createElement('div')
    meter.className = 'meter'
    meter.setAttribute('aria-hidden', 'true')
    const fill = document.createElement('div')
    fill.style.width = percent(match.score)
    meter.append(fill)
    item.append(head, meter)
    if (match.code) {
      const code = document.createElement('p')
      code.className = 'match-code small muted'
      const english = match.title_en && match.title_en !== match.title ? ` · ${match.title_en}` : ''
      code.textContent = `O*NET-SOC ${match.code}${english}`
      item.append(code)
    }
    if (match.reasons?.length) item.append(labelled(t('why'), match.reasons.slice(0, 2).join(' ')))
    if (match.skill_gaps?.length) {
      const gaps = match.skill_gaps.slice(0, 6).join(getLocale() === 'zh' ? '、' : ', ')
      item.append(labelled(t('toLearn'), gaps))
    }
    list.append(item)
  }
  return [heading, list]
}

function labelled(label, text) {
  const p = document.createElement('p')
  p.className = 'small'
  const b = document.createElement('strong')
  b.textContent = `${label}${getLocale() === 'zh' ? '：' : ': '}`
  p.append(b, document.createTextNode(text))
  return p
}
