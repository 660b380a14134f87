// careerstream web client: the conversation, the analysis timeline, the report.
//
// How the view stays right across reconnects and reloads (see docs/web-client.md):
// - On load, the view is rebuilt from the session snapshot (`GET /api/sessions/{id}`), which
//   the gateway updates in the same transaction that numbers each event: it holds the whole
//   history, the partial text being streamed and the pipeline's state, exactly as of
//   `snapshot.last_seq`. The event stream then resumes after that seq.
// - One `SessionStream` per session delivers every later event once, in order (dedupe by
//   seq; a gap reconnects from the cursor); a `reset` rebuilds the view from its snapshot.
// - Chat turns are sent with `POST …/chat`, but their text is rendered only from the event
//   stream, so the same tokens are never shown twice.

import { api } from './api.js'
import { SessionStream } from './events.js'
import { applyStatic, errorText, getLocale, percent, setLocale, t } from './i18n.js'
import { renderMarkdown } from './markdown.js'
import { Questionnaire } from './questionnaire.js'
import { renderReportView } from './report.js'

const STAGES = ['parse', 'analyze', 'match', 'report']
const BUSY_WITH_RUN = new Set(['analyzing', 'running'])
const SESSION_KEY = 'careerstream.session'
const USER_KEY = 'careerstream.user'
const WELCOME_KEY = 'careerstream.welcome.'

const $ = (id) => document.getElementById(id)
const ui = {
  messages: $('messages'),
  form: $('chat-form'),
  input: $('message'),
  send: $('send'),
  cancel: $('cancel'),
  hint: $('chat-hint'),
  connection: $('connection'),
  localeSelect: $('locale-select'),
  newSession: $('new-session'),
  history: $('history'),
  historyList: $('history-list'),
  notice: $('notice'),
  noticeText: $('notice-text'),
  dropzone: $('dropzone'),
  fileInput: $('resume-file'),
  uploadStatus: $('upload-status'),
  openQuestionnaire: $('open-questionnaire'),
  pipeline: $('pipeline'),
  runStatus: $('run-status'),
  runProgress: $('run-progress'),
  runProgressLabel: $('run-progress-label'),
  cancelRun: $('cancel-run'),
  stages: $('stages'),
  report: $('report'),
  reportSummary: $('report-summary'),
  chart: $('chart'),
  holland: $('holland'),
  topMatches: $('top-matches'),
  reportWriting: $('report-writing'),
  reportBody: $('report-body'),
  reportAttribution: $('report-attribution'),
  pdfLink: $('pdf-link'),
}

const state = {
  sessionId: null,
  locale: null, // the session's language (the guide and the report speak it)
  status: 'idle', // idle | replying | analyzing | running | completed | failed
  stream: null,
  connection: { state: 'idle', detail: {} },
  sending: false, // our own chat request is in flight
  turns: new Map(), // turn_id -> { bubble, text }
  pendingBubble: null, // "the guide is writing" before the first token of a turn
  activeTurn: null,
  run: null, // { id, stage, progress, message, states, details, attempt, reportText, error }
  pastRuns: new Set(),
  report: null,
  features: { cancel: false },
  mismatches: 0, // turns whose streamed text differed from the final reply (should stay 0)
  loadSeq: 0, // guards async loads against a session switch
}

// --- storage -----------------------------------------------------------------------------

function read(key) {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key, value) {
  try {
    if (value === null) localStorage.removeItem(key)
    else localStorage.setItem(key, value)
  } catch {
    // storage disabled: the page works, a reload just starts over
  }
}

function userId() {
  let id = read(USER_KEY)
  if (!id || !/^[A-Za-z0-9_.@-]{1,128}$/.test(id)) {
    id = `web-${crypto.randomUUID()}`
    write(USER_KEY, id)
  }
  return id
}

// --- notices -----------------------------------------------------------------------------

let noticeTimer = null

function notice(text) {
  clearTimeout(noticeTimer)
  ui.noticeText.textContent = text
  ui.notice.hidden = !text
  if (text) noticeTimer = setTimeout(() => (ui.notice.hidden = true), 15000)
}

function noticeError(error) {
  if (error && error.name === 'AbortError') return
  notice(errorText(error?.code || 'unknown', error?.message || String(error)))
}

// --- connection state ---------------------------------------------------------------------

let countdown = null

function showConnection(connState, detail = {}) {
  state.connection = { state: connState, detail }
  clearInterval(countdown)
  const paint = () => {
    const seconds = detail.retryAt
      ? Math.max(0, Math.ceil((detail.retryAt - Date.now()) / 1000))
      : 0
    ui.connection.dataset.state = connState
    ui.connection.querySelector('.connection-text').textContent = t(`conn_${connState}`, {
      s: seconds,
    })
  }
  paint()
  if (connState === 'reconnecting' && detail.retryAt) countdown = setInterval(paint, 1000)
}

// --- messages ----------------------------------------------------------------------------

function nearBottom() {
  const box = ui.messages
  return box.scrollHeight - box.scrollTop - box.clientHeight < 80
}

function scrollToEnd(force = false) {
  if (force || nearBottom()) ui.messages.scrollTop = ui.messages.scrollHeight
}

function addBubble(role, text, { pending = false } = {}) {
  const stick = nearBottom()
  const item = document.createElement('li')
  item.className = `message ${role}`
  const who = document.createElement('span')
  who.className = 'who visually-hidden'
  who.dataset.role = role
  who.textContent = `${t(role === 'user' ? 'you' : 'guide')}: `
  const bubble = document.createElement('div')
  bubble.className = 'bubble'
  const body = document.createElement('p')
  body.className = 'text'
  body.textContent = text
  if (pending) {
    item.classList.add('pending')
    item.setAttribute('aria-busy', 'true')
    const typing = document.createElement('span')
    typing.className = 'typing'
    typing.setAttribute('role', 'img')
    typing.setAttribute('aria-label', t('typing'))
    typing.append(...[0, 1, 2].map(() => document.createElement('span')))
    bubble.append(typing)
  }
  bubble.append(body)
  item.append(who, bubble)
  ui.messages.append(item)
  scrollToEnd(stick)
  return item
}

function welcomeText() {
  const stored = state.sessionId ? read(WELCOME_KEY + state.sessionId) : null
  return stored || t('welcome', null, state.locale || getLocale())
}

// The bubble a guide turn writes into: the "writing" placeholder if one waits, else a new one.
function turnFor(turnId) {
  let turn = state.turns.get(turnId)
  if (turn) return turn
  const bubble = state.pendingBubble || addBubble('assistant', '', { pending: true })
  state.pendingBubble = null
  bubble.dataset.turnId = turnId
  bubble.classList.remove('pending')
  bubble.classList.add('streaming')
  turn = { bubble, text: '' }
  state.turns.set(turnId, turn)
  state.activeTurn = turnId
  return turn
}

function setTurnText(turn, text) {
  const stick = nearBottom()
  turn.text = text
  turn.bubble.querySelector('.text').textContent = text
  scrollToEnd(stick)
}

function finishBubble(bubble) {
  bubble.classList.remove('streaming', 'pending')
  bubble.removeAttribute('aria-busy')
  bubble.querySelector('.typing')?.remove()
}

function guideToken(event) {
  const turn = turnFor(event.turn_id)
  setTurnText(turn, turn.text + event.text)
}

function turnCompleted(event) {
  const turn = state.turns.get(event.turn_id)
  if (turn) {
    if (turn.text !== event.reply) {
      // Would mean a lost or repeated token; the reply is authoritative, so show it, and count.
      state.mismatches += 1
      console.warn('careerstream: streamed text differs from the reply', event.turn_id)
    }
    setTurnText(turn, event.reply)
    finishBubble(turn.bubble)
  } else {
    const bubble = state.pendingBubble || addBubble('assistant', '')
    state.pendingBubble = null
    bubble.dataset.turnId = event.turn_id
    bubble.querySelector('.text').textContent = event.reply
    finishBubble(bubble)
    state.turns.set(event.turn_id, { bubble, text: event.reply })
  }
  state.activeTurn = null
  if (event.pipeline_run_id) {
    startRun(event.pipeline_run_id)
  } else if (state.status === 'replying') {
    state.status = 'idle'
  }
  updateComposer()
}

function failTurn(turnId) {
  const turn = turnId ? state.turns.get(turnId) : null
  const bubble = turn ? turn.bubble : state.pendingBubble
  state.pendingBubble = null
  if (bubble) {
    finishBubble(bubble)
    bubble.classList.add('failed')
    const body = bubble.querySelector('.text')
    if (!body.textContent) body.textContent = t('replyInterrupted')
  }
  state.activeTurn = null
  if (state.status === 'replying') state.status = 'idle'
  updateComposer()
}

// --- the analysis run ------------------------------------------------------------------------

function newRun(id) {
  return {
    id,
    stage: 'parse',
    progress: 0,
    message: '',
    states: Object.fromEntries(STAGES.map((s) => [s, 'pending'])),
    details: {},
    attempt: 1,
    reportText: '',
    error: null,
  }
}

function startRun(id) {
  if (state.run && state.run.id === id) return state.run
  if (state.run) state.pastRuns.add(state.run.id)
  state.run = newRun(id)
  state.report = null
  state.status = 'analyzing'
  renderRun()
  renderReport()
  updateComposer()
  return state.run
}

// The run an event belongs to: the current one, a newer one (adopted), or none (a straggler).
function runFor(runId) {
  if (!runId) return state.run
  if (state.run && state.run.id === runId) return state.run
  if (state.pastRuns.has(runId)) return null
  return startRun(runId)
}

function describeResult(stage, result) {
  if (!result) return ''
  if (stage === 'parse') {
    const skills = result.profile?.skills
    if (!Array.isArray(skills) || !skills.length) return ''
    return skills.length === 1 ? t('foundSkill') : t('foundSkills', { n: skills.length })
  }
  if (stage === 'analyze') {
    const code = result.interests?.holland_code || result.holland_code
    return code ? t('foundCode', { code }) : ''
  }
  if (stage === 'match') {
    const titles = (result.matches || []).slice(0, 3).map((m) => m.title)
    return titles.length
      ? t('foundMatches', { titles: titles.join(getLocale() === 'zh' ? '、' : ', ') })
      : ''
  }
  return ''
}

function stageEvent(event) {
  const run = runFor(event.turn_id)
  const stage = event.stage
  if (!run || !STAGES.includes(stage)) return
  state.status = 'running'
  run.stage = stage
  if (typeof event.progress === 'number') run.progress = event.progress
  const index = STAGES.indexOf(stage)
  for (const earlier of STAGES.slice(0, index)) run.states[earlier] = 'done'
  if (event.type === 'stage.completed') {
    run.states[stage] = 'done'
    run.message = ''
    run.details[stage] = describeResult(stage, event.result)
  } else {
    if (run.states[stage] !== 'retrying' || event.type === 'stage.progress') {
      run.states[stage] = 'active'
    }
    run.message = event.type === 'stage.progress' ? event.message || '' : ''
  }
  renderRun()
  updateComposer()
}

function stageRetrying(event) {
  if (event.stage === 'guide') {
    // The guide starts the reply over: drop what it had written.
    const turn = state.turns.get(event.turn_id)
    if (turn) setTurnText(turn, '')
    return
  }
  const run = runFor(event.turn_id)
  if (!run || !STAGES.includes(event.stage)) return
  run.states[event.stage] = 'retrying'
  run.attempt = event.attempt
  run.message = ''
  if (event.stage === 'report') {
    run.reportText = ''
    scheduleReportStream()
  }
  renderRun()
}

function sessionCompleted(event) {
  const run = runFor(event.turn_id)
  if (!run) return
  for (const stage of STAGES) run.states[stage] = 'done'
  run.progress = 1
  run.message = ''
  state.status = 'completed'
  renderRun()
  updateComposer()
  loadReport({ reveal: true })
}

function reportToken(event) {
  const run = runFor(event.turn_id)
  if (!run) return
  run.reportText += event.text
  scheduleReportStream()
}

function errorEvent(event) {
  const guideTurn =
    event.stage === 'guide' ||
    (event.turn_id && (state.turns.has(event.turn_id) || event.turn_id === state.activeTurn))
  if (guideTurn) {
    failTurn(event.turn_id)
  } else if (state.run && (event.turn_id === state.run.id || STAGES.includes(event.stage))) {
    const run = state.run
    const stage = STAGES.includes(event.stage) ? event.stage : run.stage
    run.states[stage] = 'failed'
    run.error = errorText(event.code, event.message)
    state.status = 'failed'
    renderRun()
    updateComposer()
  }
  notice(errorText(event.code, event.message))
}

// --- events ------------------------------------------------------------------------------

function handle(event) {
  switch (event.type) {
    case 'token':
      if (event.stage === 'guide') guideToken(event)
      else if (event.stage === 'report') reportToken(event)
      break
    case 'turn.completed':
      turnCompleted(event)
      break
    case 'stage.started':
    case 'stage.progress':
    case 'stage.completed':
      stageEvent(event)
      break
    case 'stage.retrying':
      stageRetrying(event)
      break
    case 'session.completed':
      sessionCompleted(event)
      break
    case 'error':
      errorEvent(event)
      break
    case 'reset':
      rebuild(event.snapshot || {})
      break
    default:
      break // a newer gateway's event type: nothing to show yet
  }
}

function connect(cursor) {
  state.stream?.stop()
  state.stream = new SessionStream({
    sessionId: state.sessionId,
    cursor,
    onEvent: handle,
    onState: showConnection,
    onFatal: (error) => {
      forgetSession()
      renderEmpty()
      noticeError(error)
    },
  }).start()
}

// --- sessions ----------------------------------------------------------------------------

function resetView() {
  state.turns = new Map()
  state.pendingBubble = null
  state.activeTurn = null
  state.run = null
  state.pastRuns = new Set()
  state.report = null
  ui.messages.replaceChildren()
}

function renderEmpty() {
  state.stream?.stop()
  state.stream = null
  state.sessionId = null
  state.locale = null
  state.status = 'idle'
  resetView()
  addBubble('assistant', welcomeText()).classList.add('welcome')
  ui.uploadStatus.textContent = ''
  showConnection('idle')
  renderRun()
  renderReport()
  updateComposer()
}

function forgetSession() {
  write(SESSION_KEY, null)
}

// Rebuild everything from a snapshot: on load, on a `reset`, when switching sessions.
function rebuild(snapshot) {
  state.locale = snapshot.locale || state.locale
  state.status = snapshot.status || 'idle'
  resetView()
  addBubble('assistant', welcomeText()).classList.add('welcome')
  for (const message of snapshot.history || []) {
    addBubble(message.role === 'user' ? 'user' : 'assistant', message.content)
  }
  const streaming = snapshot.streaming
  if (streaming && streaming.stage === 'guide' && streaming.turn_id) {
    setTurnText(turnFor(streaming.turn_id), streaming.text || '')
  } else if (state.status === 'replying') {
    state.pendingBubble = addBubble('assistant', '', { pending: true })
  }
  if (snapshot.pipeline_run_id) {
    const run = newRun(snapshot.pipeline_run_id)
    state.run = run
    run.progress = snapshot.progress || 0
    run.stage = snapshot.stage || 'parse'
    run.message = snapshot.message || ''
    const results = snapshot.results || {}
    const current = STAGES.indexOf(run.stage)
    STAGES.forEach((stage, index) => {
      if (state.status === 'completed' || results[stage] || index < current)
        run.states[stage] = 'done'
      else if (index === current && state.status === 'running') run.states[stage] = 'active'
      else if (index === current && state.status === 'failed') run.states[stage] = 'failed'
      run.details[stage] = describeResult(stage, results[stage])
    })
    if (state.status === 'failed' && snapshot.last_error) {
      run.error = errorText(snapshot.last_error.code, snapshot.last_error.message)
    }
    if (streaming && streaming.stage === 'report' && streaming.turn_id === run.id) {
      run.reportText = streaming.text || ''
    }
    if (state.status === 'analyzing' && run.message.startsWith('waiting')) run.message = ''
  }
  renderRun()
  renderReport()
  if (snapshot.has_report) loadReport()
  updateComposer()
  scrollToEnd(true)
}

async function openSession(id) {
  const ticket = ++state.loadSeq
  state.stream?.stop()
  state.sessionId = id
  write(SESSION_KEY, id)
  showConnection('connecting')
  let snapshot
  try {
    snapshot = await api('GET', `/api/sessions/${encodeURIComponent(id)}`)
  } catch (error) {
    if (ticket !== state.loadSeq) return
    if (error.code === 'session_not_found') {
      forgetSession()
      renderEmpty()
      noticeError(error)
    } else {
      // The gateway is unreachable: keep the session and try again shortly.
      showConnection('reconnecting', { retryAt: Date.now() + 3000 })
      setTimeout(() => ticket === state.loadSeq && openSession(id), 3000)
    }
    return
  }
  if (ticket !== state.loadSeq) return
  rebuild(snapshot)
  connect(snapshot.last_seq || 0)
}

async function createSession(message) {
  const body = { locale: getLocale() }
  if (message) body.message = message
  const created = await api('POST', '/api/sessions', {
    json: body,
    headers: { 'X-User-Id': userId() },
  })
  state.loadSeq += 1
  state.sessionId = created.session_id
  state.locale = created.locale
  write(SESSION_KEY, created.session_id)
  write(WELCOME_KEY + created.session_id, created.welcome)
  const welcome = ui.messages.querySelector('.welcome .text')
  if (welcome) welcome.textContent = created.welcome
  if (message) state.status = 'replying'
  connect(0) // a new session: its whole (short) history is wanted
  return created
}

async function ensureSession() {
  if (!state.sessionId) await createSession(null)
  return state.sessionId
}

function newConversation() {
  forgetSession()
  state.loadSeq += 1
  renderEmpty()
  notice('')
  ui.input.focus()
}

async function showHistory() {
  ui.historyList.replaceChildren(listNote(t('historyLoading')))
  try {
    const page = await api('GET', '/api/sessions?limit=20', { headers: { 'X-User-Id': userId() } })
    const items = page.sessions || []
    if (!items.length) {
      ui.historyList.replaceChildren(listNote(t('historyEmpty')))
      return
    }
    ui.historyList.replaceChildren(
      ...items.map((session) => {
        const li = document.createElement('li')
        const button = document.createElement('button')
        button.type = 'button'
        button.className = 'history-item'
        if (session.session_id === state.sessionId) button.setAttribute('aria-current', 'true')
        const title = document.createElement('span')
        title.className = 'history-title'
        title.textContent = session.title || t('historyUntitled')
        const when = document.createElement('span')
        when.className = 'history-when'
        when.textContent = new Date(session.updated_at).toLocaleString(t('htmlLang'))
        button.append(title, when)
        button.addEventListener('click', () => {
          ui.history.open = false
          if (session.session_id !== state.sessionId) openSession(session.session_id)
        })
        li.append(button)
        return li
      }),
    )
  } catch (error) {
    ui.historyList.replaceChildren(listNote(errorText(error.code, error.message)))
  }
}

function listNote(text) {
  const li = document.createElement('li')
  li.className = 'muted'
  li.textContent = text
  return li
}

// --- sending -----------------------------------------------------------------------------

// Codes after which the message was not kept by the gateway: the person gets it back.
const NOT_KEPT = new Set([
  'turn_in_progress',
  'pipeline_running',
  'message_too_long',
  'invalid_request',
  'network',
  'session_not_found',
])

async function sendMessage() {
  const text = ui.input.value
  if (!text.trim() || ui.send.disabled) return
  state.sending = true
  ui.input.value = ''
  const userBubble = addBubble('user', text)
  scrollToEnd(true)
  state.pendingBubble = state.pendingBubble || addBubble('assistant', '', { pending: true })
  updateComposer()
  try {
    if (!state.sessionId) {
      await createSession(text)
    } else {
      state.status = 'replying'
      updateComposer()
      await api('POST', `/api/sessions/${encodeURIComponent(state.sessionId)}/chat`, {
        json: { message: text },
      })
    }
  } catch (error) {
    if (NOT_KEPT.has(error.code)) {
      userBubble.remove()
      state.pendingBubble?.remove()
      state.pendingBubble = null
      if (!ui.input.value) ui.input.value = text
      if (state.status === 'replying' && !state.activeTurn) state.status = 'idle'
      if (error.code === 'pipeline_running') state.status = 'analyzing'
    } else {
      // Kept, but the guide could not answer (unreachable, timeout): say so on the bubble.
      failTurn(state.activeTurn)
    }
    noticeError(error)
  } finally {
    state.sending = false
    updateComposer()
  }
}

function updateComposer() {
  const runBusy = BUSY_WITH_RUN.has(state.status)
  const turnBusy = state.sending || Boolean(state.activeTurn) || state.status === 'replying'
  ui.send.disabled = runBusy || turnBusy
  ui.send.textContent = state.sending ? t('sending') : t('send')
  ui.cancel.hidden = !(state.features.cancel && state.sessionId && (turnBusy || runBusy))
  ui.cancelRun.hidden = !(state.features.cancel && runBusy)
  let hint = ''
  if (runBusy) hint = t('chatLockedPipeline')
  else if (state.status === 'completed' && state.report) hint = t('chatAfterReport')
  ui.hint.textContent = hint
  ui.openQuestionnaire.disabled = runBusy || turnBusy
  ui.fileInput.disabled = runBusy || turnBusy
  ui.dropzone.classList.toggle('disabled', runBusy || turnBusy)
}

// --- résumé and questionnaire ------------------------------------------------------------

async function uploadResume(file) {
  if (!file || ui.fileInput.disabled) return
  ui.uploadStatus.classList.remove('error')
  ui.uploadStatus.setAttribute('role', 'status')
  ui.uploadStatus.textContent = t('uploading', { name: file.name })
  try {
    const id = await ensureSession()
    const form = new FormData()
    form.append('file', file, file.name)
    const started = await api('POST', `/api/sessions/${encodeURIComponent(id)}/resume`, { form })
    const resume = started.resume || {}
    ui.uploadStatus.textContent = t('uploaded', { name: resume.filename || file.name })
    startRun(started.run_id)
  } catch (error) {
    ui.uploadStatus.classList.add('error')
    ui.uploadStatus.setAttribute('role', 'alert')
    ui.uploadStatus.textContent = errorText(error.code, error.message)
  } finally {
    ui.fileInput.value = ''
  }
}

const questionnaire = new Questionnaire($('questionnaire'), {
  onSubmit: async (answers) => {
    const id = await ensureSession()
    const started = await api('POST', `/api/sessions/${encodeURIComponent(id)}/assessment`, {
      json: { answers },
    })
    startRun(started.run_id)
    ui.pipeline.scrollIntoView({ block: 'nearest' })
  },
})

async function cancel() {
  if (!state.sessionId) return
  try {
    await api('POST', `/api/sessions/${encodeURIComponent(state.sessionId)}/cancel`)
  } catch (error) {
    noticeError(error)
  }
}

// The cancel route is not in every gateway yet: show the buttons only where it exists.
async function detectFeatures() {
  try {
    const spec = await api('GET', '/openapi.json')
    state.features.cancel = Object.keys(spec.paths || {}).some((path) =>
      /^\/api\/sessions\/\{[^}]+\}\/cancel$/.test(path),
    )
  } catch {
    state.features.cancel = false
  }
  updateComposer()
}

// --- rendering: timeline and report --------------------------------------------------------

function renderRun() {
  const run = state.run
  ui.pipeline.hidden = !run
  if (!run) return
  const pct = Math.round(Math.max(0, Math.min(1, run.progress)) * 100)
  ui.runProgress.setAttribute('aria-valuenow', String(pct))
  ui.runProgress.setAttribute('aria-valuetext', percent(run.progress))
  ui.runProgress.querySelector('.progress-bar').style.width = `${pct}%`
  ui.runProgressLabel.textContent = t('progressLabel', { pct: `${pct}%` })
  ui.pipeline.dataset.status = state.status
  const statusText = {
    analyzing: t('runWaiting'),
    running: t('runRunning'),
    completed: t('runCompleted'),
    failed: run.error ? `${t('runFailed')}: ${run.error}` : t('runFailed'),
  }[state.status]
  ui.runStatus.textContent = statusText || ''
  for (const item of ui.stages.children) {
    const stage = item.dataset.stage
    const stageState = run.states[stage]
    item.dataset.state = stageState
    if (stageState === 'active' || stageState === 'retrying')
      item.setAttribute('aria-current', 'step')
    else item.removeAttribute('aria-current')
    item.querySelector('.stage-state').textContent = t(`state_${stageState}`, {
      attempt: run.attempt,
    })
    const detail =
      run.details[stage] || (run.stage === stage && stageState !== 'done' ? run.message : '')
    item.querySelector('.stage-detail').textContent = detail
  }
}

let streamFrame = 0

function scheduleReportStream() {
  if (!streamFrame) {
    streamFrame = requestAnimationFrame(() => {
      streamFrame = 0
      renderReport()
    })
  }
}

function renderReport() {
  const report = state.report
  const writing = state.run && !report ? state.run.reportText : ''
  ui.report.hidden = !report && !writing
  ui.reportWriting.hidden = Boolean(report) || !writing
  ui.reportSummary.hidden = !report
  ui.topMatches.hidden = !report
  ui.pdfLink.hidden = !report
  ui.report.setAttribute('aria-busy', writing ? 'true' : 'false')
  if (!report) {
    // Being written: the Markdown so far (rendered again on each animation frame).
    ui.reportBody.replaceChildren(renderMarkdown(writing, { headingOffset: 2 }))
    ui.reportAttribution.textContent = ''
    return
  }
  renderReportView(ui, report)
  ui.pdfLink.href = `/api/sessions/${encodeURIComponent(state.sessionId)}/report/pdf`
  ui.pdfLink.setAttribute('download', `careerstream-${state.sessionId}.pdf`)
}

// `reveal`: the report just finished while the person watched: bring it into view, unless
// they are in the middle of typing a message.
async function loadReport({ reveal = false, attempt = 0 } = {}) {
  const ticket = state.loadSeq
  const id = state.sessionId
  try {
    const report = await api('GET', `/api/sessions/${encodeURIComponent(id)}/report`)
    if (ticket !== state.loadSeq || id !== state.sessionId) return
    const streamed = state.run ? state.run.reportText : ''
    if (streamed && streamed !== report.markdown) {
      state.mismatches += 1 // the streamed report lost or repeated a piece (should never be)
      console.warn('careerstream: streamed report differs from the stored one')
    }
    state.report = report
    renderReport()
    updateComposer()
    const typing = document.activeElement === ui.input && ui.input.value
    if (reveal && !typing) {
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches
      ui.report.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' })
    }
  } catch (error) {
    if (ticket !== state.loadSeq) return
    if ((error.code === 'report_not_ready' || error.code === 'network') && attempt < 6) {
      setTimeout(() => loadReport({ reveal, attempt: attempt + 1 }), 500 * 2 ** attempt)
    } else {
      noticeError(error)
    }
  }
}

// --- language ----------------------------------------------------------------------------

function switchLocale(locale) {
  setLocale(locale)
  applyStatic()
  ui.localeSelect.value = getLocale()
  for (const who of ui.messages.querySelectorAll('.who')) {
    who.textContent = `${t(who.dataset.role === 'user' ? 'you' : 'guide')}: `
  }
  for (const typing of ui.messages.querySelectorAll('.typing')) {
    typing.setAttribute('aria-label', t('typing'))
  }
  if (!state.sessionId) {
    const welcome = ui.messages.querySelector('.welcome .text')
    if (welcome) welcome.textContent = t('welcome')
  }
  showConnection(state.connection.state, state.connection.detail)
  renderRun()
  renderReport()
  updateComposer()
  questionnaire.retranslate()
}

// --- wiring ------------------------------------------------------------------------------

function wire() {
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault()
    sendMessage()
  })
  ui.input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter starts a new line; never while an IME is composing (Chinese).
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault()
      sendMessage()
    }
  })
  ui.localeSelect.addEventListener('change', () => switchLocale(ui.localeSelect.value))
  ui.newSession.addEventListener('click', newConversation)
  ui.history.addEventListener('toggle', () => ui.history.open && showHistory())
  // The history list closes like a menu: a click elsewhere, or Escape (focus back on it).
  document.addEventListener('click', (event) => {
    if (ui.history.open && !ui.history.contains(event.target)) ui.history.open = false
  })
  ui.history.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && ui.history.open) {
      ui.history.open = false
      ui.history.querySelector('summary').focus()
    }
  })
  $('notice-close').addEventListener('click', () => notice(''))
  ui.cancel.addEventListener('click', cancel)
  ui.cancelRun.addEventListener('click', cancel)
  ui.openQuestionnaire.addEventListener('click', () =>
    questionnaire.open(getLocale(), ui.openQuestionnaire),
  )
  ui.fileInput.addEventListener('change', () => uploadResume(ui.fileInput.files[0]))

  // Drag and drop onto the zone; a file dropped elsewhere must not navigate away.
  const hasFiles = (event) => Array.from(event.dataTransfer?.types || []).includes('Files')
  for (const type of ['dragenter', 'dragover']) {
    ui.dropzone.addEventListener(type, (event) => {
      if (!hasFiles(event)) return
      event.preventDefault()
      ui.dropzone.classList.add('dragging')
    })
  }
  for (const type of ['dragleave', 'drop']) {
    ui.dropzone.addEventListener(type, () => ui.dropzone.classList.remove('dragging'))
  }
  ui.dropzone.addEventListener('drop', (event) => {
    event.preventDefault()
    uploadResume(event.dataTransfer.files[0])
  })
  window.addEventListener('dragover', (event) => hasFiles(event) && event.preventDefault())
  window.addEventListener('drop', (event) => hasFiles(event) && event.preventDefault())
}

function boot() {
  applyStatic()
  ui.localeSelect.value = getLocale()
  wire()
  detectFeatures()
  // `?session=<id>` opens that session (a link to continue on another device), then the
  // address is cleaned so a reload keeps using the stored one.
  const url = new URL(window.location.href)
  const linked = url.searchParams.get('session')
  if (linked) {
    url.searchParams.delete('session')
    history.replaceState(null, '', url.pathname + url.search + url.hash)
  }
  const saved = linked || read(SESSION_KEY)
  if (saved) openSession(saved)
  else renderEmpty()
}

// A small window for tests and for people debugging in the console.
window.careerstream = {
  get sessionId() {
    return state.sessionId
  },
  get status() {
    return state.status
  },
  stats() {
    return {
      ...(state.stream ? state.stream.stats : {}),
      cursor: state.stream ? state.stream.cursor : 0,
      connection: state.connection.state,
      mismatches: state.mismatches,
    }
  },
  dropConnection() {
    state.stream?.reconnectNow()
  },
}

boot()
