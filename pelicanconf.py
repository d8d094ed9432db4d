"""Settings of the demo site (the Nissan explainer) for `make html`: the generator's own
(explainer/build/settings.py), then what is this site's."""

from explainer.build.settings import *  # noqa: F403

SITENAME = "Nissan without Renault, explained"
