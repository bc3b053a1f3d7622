"""Print the requirement lines of the given files that this Python does not satisfy.

Used by tools/common.sh so that `make demo` and `make test` install only what is
missing (and say so), instead of calling pip on every run.
"""

import sys
from importlib import metadata

try:
    from packaging.requirements import InvalidRequirement, Requirement
except ImportError:  # pip always vendors it
    from pip._vendor.packaging.requirements import InvalidRequirement, Requirement


def missing(paths):
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for raw in handle:
                line = raw.split("#", 1)[0].strip()
                if not line:
                    continue
                try:
                    req = Requirement(line)
                except InvalidRequirement:
                    yield line
                    continue
                if req.marker and not req.marker.evaluate():
                    continue
                try:
                    version = metadata.version(req.name)
                except metadata.PackageNotFoundError:
                    yield line
                    continue
                if req.specifier and not req.specifier.contains(
                    version, prereleases=True
                ):
                    yield line


if __name__ == "__main__":
    for item in missing(sys.argv[1:]):
        print(item)
