// Evaluated in the page by test_client.py: the client's SessionStream against a scripted
// server (a replaced `fetch`). Reports which cursor each connection sent as Last-Event-ID and
// which events reached the app. `base` is the URL directory of the client's modules.
;async (base) => {
  const { SessionStream } = await import(base + 'events.js')
  const frame = (seq, type = 'token', extra = {}) => {
    const data = JSON.stringify({ type, seq, ...extra })
    return `id: ${seq}\nevent: ${type}\ndata: ${data}\n\n`
  }
  // Each connection's body, as the chunks the network delivers.
  const connections = [
    // 1, 2, 2 again, a heartbeat, 3, then 5: 4 is missing.
    [frame(1) + frame(2), frame(2) + ': ping\n\n' + frame(3), frame(5)],
    // Asked again after 3: the replay overlaps (3), fills the gap, then the server closes.
    [frame(3) + frame(4) + frame(5)],
    // The cursor cannot be honoured: a reset, then the live tail after its seq; one frame
    // split mid-line, with CRLF line ends.
    [
      frame(9, 'reset', { snapshot: { last_seq: 9 } }),
      'id: 10\r\nevent: tok',
      'en\r\ndata: {"type":"token","seq":10}\r\n\r\n',
    ],
  ]
  const asked = []
  window.fetch = async (url, init) => {
    asked.push(init.headers['Last-Event-ID'])
    const chunks = connections.shift()
    if (!chunks) return new Promise(() => {}) // the live tail: nothing more for now
    const encoder = new TextEncoder()
    const body = new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
        controller.close()
      },
    })
    const headers = { 'Content-Type': 'text/event-stream' }
    return new Response(body, { status: 200, headers })
  }
  const delivered = []
  const stream = new SessionStream({
    sessionId: 's1',
    cursor: 0,
    onEvent: (event) => delivered.push(`${event.type}:${event.seq}`),
  }).start()
  const deadline = Date.now() + 10000
  while (asked.length < 4 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  stream.stop()

  // A session that is gone: the app is told once, and nothing is retried.
  let fatal = null
  let calls = 0
  window.fetch = async () => {
    calls += 1
    const error = { error: { code: 'session_not_found', message: 'gone' } }
    const headers = { 'Content-Type': 'application/json' }
    return new Response(JSON.stringify(error), { status: 404, headers })
  }
  const gone = new SessionStream({
    sessionId: 's2',
    onEvent: () => {},
    onFatal: (error) => (fatal = error.code),
  }).start()
  await new Promise((resolve) => setTimeout(resolve, 300))
  return { asked, delivered, stats: stream.stats, fatal, calls, goneState: gone.state }
}
