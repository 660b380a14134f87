"""The parser worker: `faststream run careerstream.parser.app:app --host H --port P`."""

from careerstream.parser.handlers import build_router
from careerstream.parser.settings import ParserSettings
from careerstream.runtime.worker import Worker

worker = Worker("parser", ParserSettings, build_router)
app = worker.app()
