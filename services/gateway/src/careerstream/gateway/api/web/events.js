// One resumable connection to `GET /api/sessions/{id}/events`, over `fetch` streaming.
//
// Why not `EventSource`: it cannot send headers on the first connection, tells nothing about
// why a connection failed (a 404 looks like a network blip and it retries forever), has no
// idle watchdog, and the gateway's `error` event type collides with EventSource's own `error`.
// With fetch we parse the (small) SSE wire format ourselves and keep full control.
//
// Guarantees to the caller (`onEvent`):
// - every numbered event exactly once, in `seq` order: events at or below the cursor are
//   dropped (a replay overlapping what was already shown), and a gap (an event ahead of
//   cursor + 1) makes the stream reconnect from the cursor so the journal fills it;
// - after a `reset` the cursor is the snapshot's `last_seq` and the caller rebuilds from it;
// - on every (re)connection the gateway is sent `Last-Event-ID: <cursor>`, so a dropped
//   connection continues exactly where it stopped.

import { errorOf } from './api.js'

const MIN_DELAY_MS = 500
const MAX_DELAY_MS = 15000

export class SessionStream {
  // `cursor`: the seq the caller's view already includes (a snapshot's `last_seq`, or 0).
  constructor({ sessionId, cursor = 0, onEvent, onState, onFatal, idleTimeoutMs = 45000 }) {
    this.sessionId = sessionId
    this.cursor = cursor
    this.onEvent = onEvent
    this.onState = onState || (() => {})
    this.onFatal = onFatal || (() => {})
    this.idleTimeoutMs = idleTimeoutMs
    this.baseDelayMs = MIN_DELAY_MS
    this.stopped = false
    this.controller = null
    this.wake = null
    this.gapAt = null // the cursor at which a gap was last seen (reconnect once per gap)
    this.stats = { connects: 0, duplicates: 0, gaps: 0, events: 0, resets: 0 }
    // The browser knows when the network went away: drop the connection at once (rather
    // than wait for the idle watchdog) and come back the moment it returns.
    this.onOnline = () => this.reconnectNow()
    this.onOffline = () => {
      this.setState('offline')
      if (this.controller) this.controller.abort()
    }
    window.addEventListener('online', this.onOnline)
    window.addEventListener('offline', this.onOffline)
  }

  start() {
    this.run()
    return this
  }

  stop() {
    this.stopped = true
    window.removeEventListener('online', this.onOnline)
    window.removeEventListener('offline', this.onOffline)
    if (this.controller) this.controller.abort()
    if (this.wake) this.wake()
    this.setState('closed')
  }

  // Drop the current connection and connect again at once (also skips a pending back-off).
  reconnectNow() {
    if (this.stopped) return
    if (this.controller) this.controller.abort()
    if (this.wake) this.wake()
  }

  setState(state, detail = {}) {
    this.state = state
    this.onState(state, detail)
  }

  async run() {
    let failures = 0
    while (!this.stopped) {
      if (navigator.onLine === false) this.setState('offline')
      else this.setState(failures ? 'reconnecting' : 'connecting', { delayMs: 0 })
      const controller = new AbortController()
      this.controller = controller
      try {
        const url = `/api/sessions/${encodeURIComponent(this.sessionId)}/events`
        const response = await fetch(url, {
          headers: { Accept: 'text/event-stream', 'Last-Event-ID': String(this.cursor) },
          cache: 'no-store',
          signal: controller.signal,
        })
        if (!response.ok) {
          // A session that is gone will not come back: tell the app instead of retrying.
          if (response.status === 404) {
            this.onFatal(await errorOf(response))
            this.stop()
            return
          }
          throw new Error(`HTTP ${response.status}`)
        }
        this.stats.connects += 1
        this.setState('live')
        const connectedAt = Date.now()
        await this.read(response.body, controller)
        // The server closed the stream (it does after telling a slow client it lagged):
        // reconnect straight away from the cursor, unless it keeps closing at once.
        failures = Date.now() - connectedAt < 1000 && !controller.signal.aborted ? failures + 1 : 0
      } catch {
        // A network failure, or our own abort (gap, idle, offline, stop): see below.
        if (this.stopped) return
        if (!controller.signal.aborted) failures += 1
      }
      if (this.stopped) return
      if (failures > 0) await this.backOff(failures)
    }
  }

  // Exponential back-off with jitter, cut short by `online` or `reconnectNow()`.
  async backOff(failures) {
    const ceiling = Math.min(MAX_DELAY_MS, this.baseDelayMs * 2 ** (failures - 1))
    const delayMs = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)
    this.setState(navigator.onLine === false ? 'offline' : 'reconnecting', {
      delayMs,
      retryAt: Date.now() + delayMs,
    })
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, delayMs)
      this.wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })
    this.wake = null
  }

  // Read SSE frames until the body ends or the connection goes quiet for too long
  // (the gateway sends heartbeat comments, so silence means a dead connection).
  async read(body, controller) {
    const reader = body.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    let frame = newFrame()
    let lastActivity = Date.now()
    const watchdog = setInterval(
      () => {
        if (Date.now() - lastActivity > this.idleTimeoutMs) controller.abort()
      },
      Math.min(5000, this.idleTimeoutMs / 3),
    )
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        lastActivity = Date.now()
        buffer += decoder.decode(value, { stream: true })
        // Lines end in \n, \r\n or \r; keep an unfinished line (and a lone trailing \r,
        // which may be half of \r\n) for the next chunk.
        const lines = buffer.split(/\r\n|\r(?!$)|\n/)
        buffer = lines.pop()
        for (const line of lines) {
          if (line === '') {
            if (frame.hasData) {
              const keepGoing = this.dispatch(frame, controller)
              if (!keepGoing) return
            }
            frame = newFrame()
          } else if (line.startsWith(':')) {
            // a heartbeat comment: only proves the connection is alive
          } else {
            const colon = line.indexOf(':')
            const field = colon < 0 ? line : line.slice(0, colon)
            let text = colon < 0 ? '' : line.slice(colon + 1)
            if (text.startsWith(' ')) text = text.slice(1)
            if (field === 'event') frame.event = text
            else if (field === 'data') {
              frame.data.push(text)
              frame.hasData = true
            } else if (field === 'id' && !text.includes('\0')) frame.id = text
            else if (field === 'retry' && /^\d+$/.test(text)) {
              this.baseDelayMs = Math.max(MIN_DELAY_MS, Number(text))
            }
          }
        }
      }
    } finally {
      clearInterval(watchdog)
      reader.cancel().catch(() => {})
    }
  }

  // Hand one frame to the app, deduplicated by seq. Returns false to drop the connection.
  dispatch(frame, controller) {
    let event
    try {
      event = JSON.parse(frame.data.join('\n'))
    } catch {
      return true // not ours to understand; the next frame may be
    }
    if (!event.type) event.type = frame.event
    if (event.type === 'reset') {
      // The cursor could not be honoured: the snapshot is the new truth, and the live tail
      // continues after its last_seq.
      const snapshot = event.snapshot || {}
      this.cursor = Number(snapshot.last_seq ?? event.seq ?? 0)
      this.stats.resets += 1
      this.onEvent(event)
      return true
    }
    const seq = Number(event.seq ?? frame.id ?? NaN)
    if (!Number.isFinite(seq) || seq <= 0) {
      // Unnumbered: a notice about this connection, e.g. `client_lagging` before the server
      // closes it. Reconnecting from the cursor is the cure; the app is not bothered.
      if (event.type === 'error' && event.code === 'client_lagging') return true
      this.onEvent(event)
      return true
    }
    if (seq <= this.cursor) {
      this.stats.duplicates += 1
      return true
    }
    if (seq > this.cursor + 1 && this.gapAt !== this.cursor) {
      // Something between the cursor and this event never arrived: ask again from the
      // cursor (once per gap, so a server that truly lacks the event cannot loop us).
      this.stats.gaps += 1
      this.gapAt = this.cursor
      controller.abort()
      return false
    }
    this.cursor = seq
    this.stats.events += 1
    this.onEvent(event)
    return true
  }
}

function newFrame() {
  return { event: 'message', data: [], id: null, hasData: false }
}
