// The RIASEC hexagon (radar) chart as inline SVG: six axes in Holland's order around the
// hexagon, rings at 25% steps, the person's scores as a filled polygon, and the letters of
// their Holland code highlighted. Accessible as an image with a title and a description
// that lists every score.

const SVG = 'http://www.w3.org/2000/svg'
export const AREAS = ['R', 'I', 'A', 'S', 'E', 'C']

function node(tag, attributes = {}, text) {
  const el = document.createElementNS(SVG, tag)
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value))
  if (text !== undefined) el.textContent = text
  return el
}

const round = (x) => Math.round(x * 10) / 10

// `scores`: letter -> 0..1. `names`: letter -> area name. `code`: e.g. "IAS".
export function riasecChart(scores, { names, code = '', title, description, idPrefix = 'riasec' }) {
  // Wider than tall: the side labels ("Investigative 85") need room.
  const width = 520
  const height = 350
  const cx = width / 2
  const cy = height / 2
  const radius = 110
  const point = (index, fraction) => {
    const angle = (Math.PI / 3) * index - Math.PI / 2 // R at the top, clockwise
    return [cx + radius * fraction * Math.cos(angle), cy + radius * fraction * Math.sin(angle)]
  }
  const polygon = (fractions) => fractions.map((f, i) => point(i, f).map(round).join(',')).join(' ')

  const svg = node('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${idPrefix}-title ${idPrefix}-desc`,
    class: 'riasec-chart',
  })
  svg.append(node('title', { id: `${idPrefix}-title` }, title))
  svg.append(node('desc', { id: `${idPrefix}-desc` }, description))

  const grid = node('g', { class: 'grid', 'aria-hidden': 'true' })
  for (const ring of [0.25, 0.5, 0.75, 1]) {
    grid.append(node('polygon', { points: polygon(AREAS.map(() => ring)) }))
  }
  AREAS.forEach((_, i) => {
    const [x, y] = point(i, 1)
    grid.append(node('line', { x1: cx, y1: cy, x2: round(x), y2: round(y) }))
  })
  svg.append(grid)

  const values = AREAS.map((letter) => Math.max(0, Math.min(1, Number(scores?.[letter]) || 0)))
  svg.append(node('polygon', { class: 'area', points: polygon(values) }))
  values.forEach((value, i) => {
    const [x, y] = point(i, value)
    svg.append(node('circle', { class: 'dot', cx: round(x), cy: round(y), r: 3.5 }))
  })

  AREAS.forEach((letter, i) => {
    const [x, y] = point(i, 1.14)
    const strong = code.includes(letter)
    const label = node('text', {
      x: round(x),
      y: round(y),
      'text-anchor': Math.abs(x - cx) < 1 ? 'middle' : x > cx ? 'start' : 'end',
      'dominant-baseline': 'middle',
      class: strong ? 'label strong' : 'label',
    })
    // Two lines: "I Investigative", then the score under it.
    const top = i === 0 ? -10 : i === 3 ? 0 : -8
    label.append(node('tspan', { class: 'letter', x: round(x), dy: top }, letter))
    label.append(node('tspan', { dx: 4 }, names[letter] || ''))
    label.append(
      node('tspan', { class: 'value', x: round(x), dy: 17 }, `${Math.round(values[i] * 100)}%`),
    )
    svg.append(label)
  })
  return svg
}
