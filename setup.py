"""Which packages the wheel holds; everything else is in pyproject.toml.

Every package under briefing_app is found, so a new one cannot be left out of the wheel (as
briefing_app.cli once was), and resources/ ships as briefing_app._resources (see
briefing_app/resources.py). Its folders are listed as packages of their own: setuptools
warns about data folders that are not. pyproject.toml alone cannot combine discovery with
mapping resources/ into briefing_app.
"""

from setuptools import find_namespace_packages, find_packages, setup

RESOURCES = "briefing_app._resources"
resource_packages = [RESOURCES] + [
    f"{RESOURCES}.{name}"
    for name in find_namespace_packages("resources", exclude=["*__pycache__*"])
]

setup(
    packages=find_packages(include=["briefing_app", "briefing_app.*"]) + resource_packages,
    package_dir={RESOURCES: "resources"},
    package_data={package: ["*"] for package in resource_packages},
)
