"""The reporter worker: `faststream run careerstream.reporter.app:app --host H --port P`."""

from careerstream.reporter.handlers import build_router
from careerstream.reporter.settings import ReporterSettings
from careerstream.runtime.worker import Worker

worker = Worker("reporter", ReporterSettings, build_router)
app = worker.app()
