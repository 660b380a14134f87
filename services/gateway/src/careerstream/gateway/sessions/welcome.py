"""What a new session says before the first turn."""

from careerstream.contracts import Locale

WELCOME = {
    Locale.EN: "Hello! I'm your careerstream guide. Tell me a little about yourself — "
    "what you studied, what you have done, what you enjoy — and I'll help you find "
    "occupations that fit you.",
    Locale.ZH: "你好！我是 careerstream 职业向导。和我聊聊你自己吧——学过什么、做过什么、"
    "喜欢做什么——我会帮你找到适合你的职业方向。",
}
