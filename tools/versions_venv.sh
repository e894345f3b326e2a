# Sourced by .ci/run: make a fresh virtualenv under ${TMPDIR:-/tmp} (removed when the
# sourcing shell exits), install the project into it with one set of dependency
# versions, put it first on PATH, and set the array `deprecations` to pytest's -W flags.
#
#   locked   the exact versions of constraints/ci.txt (CI); deprecations are errors
#   newest   the newest releases pyproject.toml allows; deprecations are shown
#   lowest   every direct dependency (runtime, test extra, build backend) at the floor
#            pyproject.toml declares, what they pull in at its newest; deprecations shown
# Run from the repository root.  See tools/test_versions.sh for the command to use.
versions_mode="$1"
case "$versions_mode" in
    locked|newest|lowest) ;;
    *) echo "versions_venv.sh: unknown versions '$versions_mode' (locked|newest|lowest)" >&2
       exit 2 ;;
esac
versions_work="$(mktemp -d "${TMPDIR:-/tmp}/reconcile-$versions_mode.XXXXXX")"
trap 'rm -rf "$versions_work"' EXIT
python3 -m venv "$versions_work/venv"
versions_pip=("$versions_work/venv/bin/python" -m pip --disable-pip-version-check)
constraints="$versions_work/constraints.txt"
deprecations=(-W default::DeprecationWarning -W default::PendingDeprecationWarning
              -W default::FutureWarning)
case "$versions_mode" in
    locked)
        cp constraints/ci.txt "$constraints"
        deprecations=(-W error::DeprecationWarning -W error::PendingDeprecationWarning
                      -W error::FutureWarning) ;;
    newest)
        : >"$constraints" ;;
    lowest)
        python3 - >"$constraints" <<'PY'
import re, tomllib
with open("pyproject.toml", "rb") as f:
    project = tomllib.load(f)
reqs = project["build-system"]["requires"] + project["project"]["dependencies"]
reqs += project["project"]["optional-dependencies"]["test"]
for req in reqs:
    m = re.fullmatch(r"\s*([A-Za-z0-9][A-Za-z0-9._\-]*)(\[[^\]]*\])?\s*>=\s*([^,;\s]+)\s*", req)
    if not m:
        raise SystemExit(f"pyproject.toml: '{req}' must read 'name>=floor' "
                         "with the floor a published release (it is tested)")
    print(f"{m.group(1)}=={m.group(3)}")
PY
        ;;
esac
mapfile -t versions_backend < <(python3 -c 'import tomllib
print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")')
# The build backend is installed first, under the same constraints, and the project is
# built with it: no isolated build environment fetching whatever backend is newest.
"${versions_pip[@]}" install --quiet --upgrade -c "$constraints" "${versions_backend[@]}"
# The linters (lint extra) only on the locked versions, where .ci/run runs them: a newer
# release may add checks, which must not turn the newest or lowest run red.
versions_extras="test"
[[ "$versions_mode" == locked ]] && versions_extras="test,lint"
"${versions_pip[@]}" install --quiet --no-build-isolation -c "$constraints" ".[$versions_extras]"
if [[ "$versions_mode" == locked ]]; then
    # A dependency added to pyproject.toml but not to the lock would float: refuse it.
    unpinned="$("${versions_pip[@]}" list --format freeze | grep -viE '^(pip|reconcile[-_]news)==' \
        | grep -vixFf <(grep -v '^#' constraints/ci.txt) || true)"
    if [[ -n "$unpinned" ]]; then
        echo "not pinned in constraints/ci.txt (run tools/test_versions.sh relock):" $unpinned >&2
        exit 1
    fi
fi
echo "== $versions_mode versions: $("${versions_pip[@]}" list --format freeze \
    | grep -iE '^(click|dateparser|rapidfuzz|networkx|charset.normalizer|trafilatura|lxml.html.clean|pytest|hypothesis|jsonschema|dask|setuptools)==' \
    | tr '\n' ' ')"
export PATH="$versions_work/venv/bin:$PATH"
hash -r
