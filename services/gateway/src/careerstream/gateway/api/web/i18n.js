// UI strings in Chinese and English, and the clear message for every error code the API can
// return. `t(key, params)` fills `{name}` placeholders; `applyStatic()` translates the
// elements of the page that carry `data-i18n` (text), `data-i18n-placeholder`,
// `data-i18n-label` (aria-label) or `data-i18n-title`.

const STRINGS = {
  zh: {
    htmlLang: 'zh-CN',
    tagline: '职业方向向导',
    skip: '跳到对话',
    language: '界面语言',
    newSession: '新对话',
    history: '历史对话',
    historyEmpty: '还没有之前的对话。',
    historyUntitled: '（未开始的对话）',
    historyLoading: '正在加载…',
    chatTitle: '和向导聊聊',
    messageLabel: '你的消息',
    messagePlaceholder: '说说你学过什么、做过什么、喜欢做什么…',
    send: '发送',
    sending: '发送中…',
    cancel: '取消',
    you: '你',
    guide: '向导',
    typing: '向导正在输入…',
    chatLockedPipeline: '分析进行中，报告完成后可以继续提问。',
    chatLockedTurn: '向导正在回答上一条消息。',
    chatAfterReport: '报告已完成，你可以就报告内容继续提问。',
    startsTitle: '其他开始方式',
    startsIntro: '除了聊天，你也可以上传简历，或做一份兴趣问卷。',
    dropHint: '把简历（PDF、Word 或文本文件）拖到这里，或',
    chooseFile: '选择文件',
    dropActive: '松开即可上传',
    uploading: '正在上传 {name}…',
    uploaded: '已收到简历：{name}，分析马上开始。',
    takeQuestionnaire: '做兴趣问卷（60 题）',
    pipelineTitle: '分析进度',
    progressLabel: '总体进度 {pct}',
    runWaiting: '等待分析开始…',
    runRunning: '正在分析…',
    runCompleted: '分析完成',
    runFailed: '分析未能完成',
    stage_parse: '解析背景',
    stage_analyze: '兴趣分析',
    stage_match: '职业匹配',
    stage_report: '撰写报告',
    state_pending: '等待中',
    state_active: '进行中',
    state_done: '已完成',
    state_failed: '失败',
    state_retrying: '重试中（第 {attempt} 次）',
    foundSkills: '找到 {n} 项技能',
    foundSkill: '找到 1 项技能',
    foundCode: '霍兰德代码 {code}',
    foundMatches: '最匹配：{titles}',
    reportTitle: '你的职业报告',
    reportWriting: '正在撰写报告…',
    downloadPdf: '下载 PDF',
    chartTitle: '兴趣类型（RIASEC）',
    chartDesc: '六种兴趣类型的得分：{list}',
    hollandCode: '霍兰德代码',
    sourceAssessment: '来自兴趣问卷',
    sourceInferred: '根据你的表述推断',
    confidence: '可信度 {pct}',
    topOccupations: '最匹配的职业',
    matchScore: '匹配度 {pct}',
    why: '推荐理由',
    toLearn: '需要学习',
    fullReport: '完整报告',
    qTitle: '兴趣问卷',
    qIntro: '下面 60 项活动，你有多喜欢做？凭第一感觉回答即可，答案没有对错之分。',
    qLoading: '正在加载问卷…',
    qCount: '已回答 {n}/{total}',
    qMissing: '还有 {n} 题未回答，请先完成。',
    qSubmit: '提交问卷，开始分析',
    qSubmitting: '正在提交…',
    qClose: '关闭问卷',
    qTryChinese: '改用中文问卷',
    qItem: '第 {n} 题',
    noticeClose: '关闭提示',
    conn_idle: '未连接',
    conn_connecting: '正在连接…',
    conn_live: '实时连接',
    conn_reconnecting: '连接中断，{s} 秒后重连…',
    conn_offline: '网络已断开',
    conn_closed: '连接已关闭',
    riasec_R: '现实型',
    riasec_I: '研究型',
    riasec_A: '艺术型',
    riasec_S: '社会型',
    riasec_E: '企业型',
    riasec_C: '常规型',
    welcome:
      '你好！我是 careerstream 职业向导。和我聊聊你自己吧——学过什么、做过什么、喜欢做什么——我会帮你找到适合你的职业方向。',
    footer: '职业数据来自 O*NET（CC BY 4.0）与 careerstream 自有职业目录。',
    replyInterrupted: '（回答中断）',
  },
  en: {
    htmlLang: 'en',
    tagline: 'Career guidance',
    skip: 'Skip to the conversation',
    language: 'Interface language',
    newSession: 'New chat',
    history: 'History',
    historyEmpty: 'No earlier conversations yet.',
    historyUntitled: '(not started)',
    historyLoading: 'Loading…',
    chatTitle: 'Talk with the guide',
    messageLabel: 'Your message',
    messagePlaceholder: 'What you studied, what you have done, what you enjoy…',
    send: 'Send',
    sending: 'Sending…',
    cancel: 'Cancel',
    you: 'You',
    guide: 'Guide',
    typing: 'The guide is writing…',
    chatLockedPipeline: 'Your analysis is running; you can ask more once the report is ready.',
    chatLockedTurn: 'The guide is still answering your previous message.',
    chatAfterReport: 'Your report is ready: ask the guide anything about it.',
    startsTitle: 'Other ways to start',
    startsIntro: 'Instead of chatting, upload your résumé or take the interest questionnaire.',
    dropHint: 'Drag your résumé (PDF, Word or text) here, or',
    chooseFile: 'choose a file',
    dropActive: 'Drop to upload',
    uploading: 'Uploading {name}…',
    uploaded: 'Résumé received: {name}. The analysis starts now.',
    takeQuestionnaire: 'Take the interest questionnaire (60 questions)',
    pipelineTitle: 'Analysis',
    progressLabel: 'Overall progress {pct}',
    runWaiting: 'Waiting for the analysis to start…',
    runRunning: 'Analysing…',
    runCompleted: 'Analysis complete',
    runFailed: 'The analysis could not finish',
    stage_parse: 'Reading your background',
    stage_analyze: 'Interest profile',
    stage_match: 'Matching occupations',
    stage_report: 'Writing the report',
    state_pending: 'waiting',
    state_active: 'in progress',
    state_done: 'done',
    state_failed: 'failed',
    state_retrying: 'retrying (attempt {attempt})',
    foundSkills: '{n} skills found',
    foundSkill: '1 skill found',
    foundCode: 'Holland code {code}',
    foundMatches: 'Best fits: {titles}',
    reportTitle: 'Your career report',
    reportWriting: 'Writing your report…',
    downloadPdf: 'Download PDF',
    chartTitle: 'Interest profile (RIASEC)',
    chartDesc: 'Scores in the six interest areas: {list}',
    hollandCode: 'Holland code',
    sourceAssessment: 'from the questionnaire',
    sourceInferred: 'inferred from your words',
    confidence: 'confidence {pct}',
    topOccupations: 'Top occupations',
    matchScore: 'match {pct}',
    why: 'Why',
    toLearn: 'To learn',
    fullReport: 'Full report',
    qTitle: 'Interest questionnaire',
    qIntro:
      'How much would you enjoy each of these 60 activities? Go with your first feeling: there are no right or wrong answers.',
    qLoading: 'Loading the questionnaire…',
    qCount: '{n} of {total} answered',
    qMissing: '{n} questions are still unanswered.',
    qSubmit: 'Submit and start the analysis',
    qSubmitting: 'Submitting…',
    qClose: 'Close the questionnaire',
    qTryChinese: 'Use the Chinese questionnaire',
    qItem: 'Question {n}',
    noticeClose: 'Dismiss',
    conn_idle: 'Not connected',
    conn_connecting: 'Connecting…',
    conn_live: 'Live',
    conn_reconnecting: 'Connection lost; retrying in {s}s…',
    conn_offline: 'You are offline',
    conn_closed: 'Connection closed',
    riasec_R: 'Realistic',
    riasec_I: 'Investigative',
    riasec_A: 'Artistic',
    riasec_S: 'Social',
    riasec_E: 'Enterprising',
    riasec_C: 'Conventional',
    welcome:
      "Hello! I'm your careerstream guide. Tell me a little about yourself — what you studied, what you have done, what you enjoy — and I'll help you find occupations that fit you.",
    footer: 'Occupation data from O*NET (CC BY 4.0) and the careerstream catalogue.',
    replyInterrupted: '(reply interrupted)',
  },
}

// One clear sentence per error code of the API and of the session events. Codes not listed
// fall back to the server's own message.
const ERRORS = {
  zh: {
    network: '连不上服务器，请检查网络后重试。',
    session_not_found: '找不到这个对话，已为你开始新的对话。',
    turn_in_progress: '向导还在回答上一条消息，请稍等片刻。',
    pipeline_running: '分析正在进行，报告完成后才能继续。',
    guide_unreachable: '消息已保存，但暂时联系不上向导，请稍后重试。',
    pipeline_unreachable: '暂时无法开始分析，请稍后重试；对话仍可继续。',
    turn_timeout: '向导长时间没有回应，请再发一次。',
    turn_incomplete: '向导的回答没有完成，请再发一次。',
    model_error: '向导出了点问题，请再发一次。',
    message_too_long: '消息太长了，请缩短后再发送。',
    invalid_request: '请求内容有误：{message}',
    file_too_large: '文件太大了，请上传更小的文件（不超过 5 MB）。',
    too_many_pages: '文件页数太多，请上传更短的简历。',
    unsupported_type: '只支持 PDF、Word（.docx）和纯文本文件。',
    empty_file: '文件是空的，没有可读取的文字。',
    no_text: '文件里没有可读取的文字。',
    unreadable_file: '文件无法读取，可能已损坏。',
    encrypted_pdf: '这个 PDF 有密码保护，请上传未加密的版本。',
    no_text_layer: '这个 PDF 是扫描图片，没有文字层；请上传可复制文字的版本。',
    invalid_answers: '问卷答案不完整或有误，请检查每一题。',
    questionnaire_unavailable: '英文问卷暂不可用，可以改用中文问卷。',
    report_not_ready: '报告还没有生成。',
    parse_failed: '简历解析失败，请换一个文件再试。',
    internal_error: '服务器出了点问题，请稍后重试。',
    invalid_user_id: '浏览器保存的用户标识无效，已重新生成。',
    user_id_required: '缺少用户标识。',
    not_found: '找不到请求的内容。',
    http_error: '请求失败：{message}',
    unknown: '出了点问题：{message}',
  },
  en: {
    network: 'Cannot reach the server; check your connection and try again.',
    session_not_found: 'That conversation no longer exists; a new one has been started.',
    turn_in_progress: 'The guide is still answering your previous message; wait a moment.',
    pipeline_running: 'Your analysis is running; you can continue once the report is ready.',
    guide_unreachable: 'Your message was kept, but the guide cannot be reached; try again shortly.',
    pipeline_unreachable:
      'The analysis could not be started; try again shortly. You can keep chatting.',
    turn_timeout: 'The guide did not answer in time; please send your message again.',
    turn_incomplete: 'The guide’s answer did not finish; please send your message again.',
    model_error: 'The guide ran into a problem; please send your message again.',
    message_too_long: 'That message is too long; please shorten it.',
    invalid_request: 'The request was not valid: {message}',
    file_too_large: 'The file is too large; please upload a smaller one (5 MB at most).',
    too_many_pages: 'The file has too many pages; please upload a shorter résumé.',
    unsupported_type: 'Only PDF, Word (.docx) and plain-text files can be read.',
    empty_file: 'The file is empty: there is no text to read.',
    no_text: 'The file holds no text to read.',
    unreadable_file: 'The file cannot be read; it may be damaged.',
    encrypted_pdf: 'This PDF is password-protected; please upload an unprotected copy.',
    no_text_layer:
      'This PDF is a scanned image without a text layer; please upload one whose text can be selected.',
    invalid_answers: 'Some answers are missing or invalid; please check every question.',
    questionnaire_unavailable:
      'The English questionnaire is not available here; you can take it in Chinese.',
    report_not_ready: 'The report is not ready yet.',
    parse_failed: 'Your résumé could not be read; please try another file.',
    internal_error: 'Something went wrong on our side; please try again shortly.',
    invalid_user_id: 'The user id kept by this browser was invalid; a new one was made.',
    user_id_required: 'A user id is missing.',
    not_found: 'That could not be found.',
    http_error: 'The request failed: {message}',
    unknown: 'Something went wrong: {message}',
  },
}

export const LOCALES = ['zh', 'en']
const STORAGE_KEY = 'careerstream.ui-locale'

function initialLocale() {
  const saved = safeStorage(() => localStorage.getItem(STORAGE_KEY))
  if (LOCALES.includes(saved)) return saved
  const preferred = (navigator.languages || [navigator.language || ''])[0] || ''
  return preferred.toLowerCase().startsWith('zh') ? 'zh' : 'en'
}

function safeStorage(read) {
  try {
    return read()
  } catch {
    return null // storage can be disabled (private mode, policies): the UI still works
  }
}

let current = initialLocale()

export function getLocale() {
  return current
}

export function setLocale(locale) {
  if (!LOCALES.includes(locale)) return
  current = locale
  safeStorage(() => localStorage.setItem(STORAGE_KEY, locale))
}

function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    params && params[name] !== undefined ? String(params[name]) : whole,
  )
}

export function t(key, params, locale = current) {
  const table = STRINGS[locale] || STRINGS.en
  const template = table[key] ?? STRINGS.en[key] ?? key
  return fill(template, params)
}

// A person-readable sentence for an API error (`{code, message}`), in the UI language.
export function errorText(code, message = '', locale = current) {
  const table = ERRORS[locale] || ERRORS.en
  const template = table[code] ?? table.unknown
  return fill(template, { message: message || code })
}

export function percent(value) {
  const clamped = Math.max(0, Math.min(1, Number(value) || 0))
  return `${Math.round(clamped * 100)}%`
}

// Translate every marked element under `root` (the whole page by default).
export function applyStatic(root = document) {
  document.documentElement.lang = t('htmlLang')
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n)
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder)
  }
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel))
  }
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle)
}
