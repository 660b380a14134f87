// The gateway's HTTP API: JSON in, JSON out, and every failure as an `ApiError` carrying the
// typed `{error: {code, message}}` the gateway answers (or `network` when nothing answered).

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message || code)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

// The typed error of a failed response; tolerant of bodies that are not the usual shape.
export async function errorOf(response) {
  let body = null
  try {
    body = await response.json()
  } catch {
    // not JSON (a proxy's HTML page, say): fall back to the status line
  }
  const error = body && typeof body === 'object' ? body.error : null
  if (error && typeof error.code === 'string') {
    return new ApiError(response.status, error.code, error.message || '', error.details)
  }
  return new ApiError(response.status, 'http_error', `${response.status} ${response.statusText}`)
}

// `api('POST', '/api/sessions', {json: {...}})`; `form` sends multipart (a FormData).
export async function api(method, path, { json, form, headers = {}, signal } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, signal }
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(json)
  } else if (form !== undefined) {
    init.body = form // the browser sets the multipart boundary itself
  }
  let response
  try {
    response = await fetch(path, init)
  } catch (cause) {
    if (cause && cause.name === 'AbortError') throw cause
    throw new ApiError(0, 'network', String(cause && cause.message ? cause.message : cause))
  }
  if (!response.ok) throw await errorOf(response)
  if (response.status === 204) return null
  const type = response.headers.get('content-type') || ''
  return type.includes('application/json') ? response.json() : response.text()
}
