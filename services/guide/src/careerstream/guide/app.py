"""The guide worker: `faststream run careerstream.guide.app:app --host H --port P`."""

from careerstream.guide.handlers import build_router
from careerstream.guide.settings import GuideSettings
from careerstream.runtime.worker import Worker

worker = Worker("guide", GuideSettings, build_router)
app = worker.app()
