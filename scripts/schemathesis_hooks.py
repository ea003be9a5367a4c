"""schemathesis hooks for scripts/schemathesis.sh: the few answers the OpenAPI document states
in words because JSON Schema cannot, accepted precisely (by status and by the server's own
problem details), so that every other refusal of valid data still fails the run.

Loaded through SCHEMATHESIS_HOOKS=schemathesis_hooks with scripts/ on PYTHONPATH.
"""
import schemathesis

# Messages of 422 field errors that compare two members (or a member with the stored data).
# JSON Schema describes members one at a time, so a generator that follows the document
# produces these combinations; each is stated in the description of the field concerned.
CROSS_FIELD = (
    "must not be before start_fiscal_year",   # projects: end_fiscal_year >= start_fiscal_year
    "exceeds the",                            # surveys: a count above respondents or sample_size
    "sum to",                                 # surveys: profile / single-answer sums
    "fewer than the",                         # surveys: multiple-answer counts below respondents
    "is used by another",                     # surveys: question / option numbers unique
    "appears twice under",                    # surveys: profile labels unique per dimension
    "does not contain the start date",        # surveys: fiscal_year holds period.start
    "is before the start",                    # surveys: period.end >= period.start
    "is not an option of this question",      # surveys: responses[].option_number
    "has no ",                                # surveys: profile has both dimensions
    "must be within the project's fiscal years",  # evaluations, budgets: the project's stored span
    "the baseline (",                         # KPIs: a target on the direction's side of the baseline
    "has a target already",                   # KPIs: one target per fiscal year
)


def _problem(response):
    try:
        body = response.json()
    except Exception:
        return {}
    return body if isinstance(body, dict) else {}


def _documented_refusal(case, response):
    """True when a valid-per-schema request got a documented 4xx the schema cannot prevent."""
    status = response.status_code
    problem = _problem(response)
    headers = {k.lower(): v for k, v in (case.headers or {}).items()}
    # 412: a generated If-Match / If-None-Match names no current tag (RFC 9110 §13.1).
    if status == 412 and ({"if-match", "if-none-match", "if-unmodified-since"} & set(headers)):
        return True
    # 428: an evaluation correction sent without If-Match (documented on its PATCH: a correction
    # must name the version it corrects); a generator may leave the optional header out.
    if status == 428 and "if-match" not in headers and problem.get("type") == "/problems/precondition-required":
        return True
    # 410: a project archived earlier in the run (documented on every /projects/{id} operation).
    if status == 410 and problem.get("type") == "/problems/archived":
        return True
    # 400 for a cursor this collection never issued: a cursor is opaque, so a well-formed one
    # (base64url, as the `cursor` parameter's pattern says) may still name no position.
    if status == 400 and problem.get("parameter") == "cursor":
        return True
    # 422 for an Idempotency-Key reused with another body (documented on POST /projects).
    if status == 422 and problem.get("type") == "/problems/idempotency-key-reused":
        return True
    # 422 "kpi.name/kpi.target is required": a KPI patch must be whole while the project has no
    # KPI yet (documented on ProjectPatch.kpi); whether it has one is state, not schema.
    if status == 422 and case.method == "PATCH":
        errors = problem.get("errors") or []
        if errors and all(e.get("field") in ("kpi.name", "kpi.target") and e.get("message") == "is required" for e in errors):
            return True
    # 422 whose every field error is a cross-field rule.
    if status == 422:
        errors = problem.get("errors") or []
        if errors and all(any(m in str(e.get("message", "")) for m in CROSS_FIELD) for e in errors):
            return True
    return False


# Methods the document uses somewhere (and HEAD/OPTIONS, answered everywhere): on a path that
# lacks one of them the answer is 405 with Allow, which schemathesis checks as it should.
DOCUMENTED_METHODS = {"GET", "HEAD", "OPTIONS", "POST", "PATCH", "DELETE"}


def _not_implemented_anywhere(case, response):
    """501 for a method no resource implements (TRACE): RFC 9110 §15.6.2 and issue 8 item 20
    make that a 501, not the 405 schemathesis expects for any undeclared method."""
    return (response.status_code == 501 and case.method.upper() not in DOCUMENTED_METHODS
            and _problem(response).get("type") == "/problems/not-implemented")


@schemathesis.hook
def filter_failure(context, failure, case, response):
    name = type(failure).__name__
    if name in ("UnsupportedMethodResponse", "ServerError") and _not_implemented_anywhere(case, response):
        return False
    if name == "RejectedPositiveData" and _documented_refusal(case, response):
        return False
    # A project's history stays readable after DELETE archives the project: the contract says
    # so, and the document describes GET /projects/{id}/history on archived projects as 200.
    if name == "UseAfterFree" and "/history" in str(getattr(failure, "usage", "")):
        return False
    return True


@schemathesis.hook
def map_body(context, body):
    """Projects: order the two fiscal years, so that most generated writes reach the store
    (and the stateful phase gets projects to follow) instead of stopping at the cross-field
    422. Both years stay inside their documented range, so no negative case becomes valid."""
    operation = getattr(context, "operation", None)
    path = getattr(operation, "path", "") or ""
    if path.startswith("/api/v1/projects") and isinstance(body, dict):
        start, end = body.get("start_fiscal_year"), body.get("end_fiscal_year")
        if all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)) and start > end:
            body = dict(body, start_fiscal_year=end, end_fiscal_year=start)
    return body
