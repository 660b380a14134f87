// The 60-item interest questionnaire in a modal <dialog>: items from `GET /api/assessment`,
// one radio group (1–5) per item, a progress count, answers kept in localStorage so a reload
// loses nothing, and a submit that focuses the first unanswered item when some are missing.

import { api } from './api.js'
import { errorText, t } from './i18n.js'

const ANSWERS_KEY = 'careerstream.answers'

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(ANSWERS_KEY) || '{}')
    return saved && typeof saved === 'object' ? saved : {}
  } catch {
    return {}
  }
}

function save(answers) {
  try {
    localStorage.setItem(ANSWERS_KEY, JSON.stringify(answers))
  } catch {
    // storage full or disabled: the answers still live in the form
  }
}

export class Questionnaire {
  // `onSubmit(answers)` starts the analysis; it resolves when accepted, rejects with ApiError.
  constructor(dialog, { onSubmit }) {
    this.dialog = dialog
    this.onSubmit = onSubmit
    this.form = dialog.querySelector('form')
    this.itemsBox = dialog.querySelector('#q-items')
    this.count = dialog.querySelector('#q-count')
    this.bar = dialog.querySelector('#q-progress')
    this.error = dialog.querySelector('#q-error')
    this.submit = dialog.querySelector('#q-submit')
    this.attribution = dialog.querySelector('#q-attribution')
    this.answers = load()
    this.items = []
    this.loadedLocale = null
    this.cache = new Map()

    dialog.querySelector('#q-close').addEventListener('click', () => this.close())
    this.form.addEventListener('change', (event) => this.changed(event))
    this.form.addEventListener('submit', (event) => {
      event.preventDefault()
      this.send()
    })
    dialog.addEventListener('close', () => this.opener?.focus())
  }

  async open(locale, opener) {
    this.opener = opener
    this.showError('')
    if (!this.dialog.open) this.dialog.showModal()
    if (this.loadedLocale !== locale) await this.load(locale)
    const first = this.firstUnanswered() || this.itemsBox.querySelector('input')
    first?.focus()
  }

  close() {
    if (this.dialog.open) this.dialog.close()
  }

  async load(locale) {
    this.itemsBox.replaceChildren(status(t('qLoading')))
    this.submit.disabled = true
    try {
      if (!this.cache.has(locale)) {
        this.cache.set(locale, await api('GET', `/api/assessment?locale=${locale}`))
      }
      this.render(this.cache.get(locale))
      this.loadedLocale = locale
    } catch (error) {
      this.loadedLocale = null
      const box = status(errorText(error.code, error.message))
      box.setAttribute('role', 'alert')
      this.itemsBox.replaceChildren(box)
      if (error.code === 'questionnaire_unavailable' && locale !== 'zh') {
        const other = document.createElement('button')
        other.type = 'button'
        other.className = 'button'
        other.textContent = t('qTryChinese')
        other.addEventListener('click', () => this.open('zh', this.opener))
        this.itemsBox.append(other)
      }
    }
  }

  render(form) {
    this.items = form.items
    const scale = Object.entries(form.scale).sort(([a], [b]) => Number(a) - Number(b))
    const fragment = document.createDocumentFragment()
    form.items.forEach((item, index) => {
      const set = document.createElement('fieldset')
      set.className = 'q-item'
      set.id = `q-${item.id}`
      const legend = document.createElement('legend')
      const number = document.createElement('span')
      number.className = 'q-number'
      number.textContent = `${index + 1}`
      number.setAttribute('aria-label', t('qItem', { n: index + 1 }))
      legend.append(number, document.createTextNode(item.text))
      set.append(legend)
      const options = document.createElement('div')
      options.className = 'q-scale'
      for (const [value, label] of scale) {
        const option = document.createElement('label')
        option.className = 'q-option'
        const input = document.createElement('input')
        input.type = 'radio'
        input.name = item.id
        input.value = value
        input.checked = Number(this.answers[item.id]) === Number(value)
        const digit = document.createElement('span')
        digit.className = 'q-digit'
        digit.textContent = value
        digit.setAttribute('aria-hidden', 'true')
        const text = document.createElement('span')
        text.className = 'q-label'
        text.textContent = label
        option.append(input, digit, text)
        options.append(option)
      }
      set.append(options)
      fragment.append(set)
    })
    this.itemsBox.replaceChildren(fragment)
    this.attribution.textContent = form.attribution || ''
    this.submit.disabled = false
    this.progress()
  }

  changed(event) {
    const input = event.target
    if (input.type !== 'radio') return
    this.answers[input.name] = Number(input.value)
    save(this.answers)
    input.closest('.q-item')?.classList.remove('missing')
    this.progress()
  }

  answeredCount() {
    return this.items.filter((item) => this.answers[item.id]).length
  }

  progress() {
    const total = this.items.length || 60
    const n = this.answeredCount()
    this.count.textContent = t('qCount', { n, total })
    this.bar.setAttribute('aria-valuenow', String(n))
    this.bar.setAttribute('aria-valuemax', String(total))
    this.bar.firstElementChild.style.width = `${(100 * n) / total}%`
  }

  firstUnanswered() {
    const item = this.items.find((it) => !this.answers[it.id])
    return item ? this.itemsBox.querySelector(`input[name="${item.id}"]`) : null
  }

  showError(message) {
    this.error.textContent = message
    this.error.hidden = !message
  }

  async send() {
    const missing = this.items.filter((item) => !this.answers[item.id])
    for (const item of this.items) {
      this.itemsBox
        .querySelector(`#q-${item.id}`)
        ?.classList.toggle('missing', missing.includes(item))
    }
    if (missing.length) {
      this.showError(t('qMissing', { n: missing.length }))
      this.firstUnanswered()?.focus()
      return
    }
    const answers = Object.fromEntries(
      this.items.map((item) => [item.id, Number(this.answers[item.id])]),
    )
    this.submit.disabled = true
    this.submit.textContent = t('qSubmitting')
    this.showError('')
    try {
      await this.onSubmit(answers)
      this.close()
    } catch (error) {
      this.showError(errorText(error.code, error.message))
    } finally {
      this.submit.disabled = false
      this.submit.textContent = t('qSubmit')
    }
  }

  // Re-translate after a UI language switch (the items keep the language they were loaded in
  // until the dialog is opened again).
  retranslate() {
    this.submit.textContent = t('qSubmit')
    this.progress()
  }
}

function status(text) {
  const p = document.createElement('p')
  p.className = 'q-status'
  p.textContent = text
  return p
}
