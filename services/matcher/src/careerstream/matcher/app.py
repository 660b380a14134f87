"""The matcher worker: `faststream run careerstream.matcher.app:app --host H --port P`."""

from careerstream.matcher.handlers import build_subscribers
from careerstream.matcher.settings import MatcherSettings
from careerstream.runtime.worker import Worker

worker = Worker("matcher", MatcherSettings, build_subscribers)
app = worker.app()
