"""The analyzer worker: `faststream run careerstream.analyzer.app:app --host H --port P`."""

from careerstream.analyzer.handlers import build_router
from careerstream.analyzer.settings import AnalyzerSettings
from careerstream.runtime.worker import Worker

worker = Worker("analyzer", AnalyzerSettings, build_router)
app = worker.app()
