"""The CSO review workspace (behind login): one module per page family, access in access.py."""

from contributions.views.briefing import briefing
from contributions.views.browse import contribution_detail, group_detail
from contributions.views.clauses import clauses
from contributions.views.compare import compare, resolution_detail
from contributions.views.dashboard import dashboard
from contributions.views.matrix import matrix
from contributions.views.review import proposal_review, verdict_save
from contributions.views.search import search
from contributions.views.watchlist import watch_remove, watchlist

__all__ = [
    "briefing",
    "clauses",
    "compare",
    "contribution_detail",
    "dashboard",
    "group_detail",
    "matrix",
    "proposal_review",
    "resolution_detail",
    "search",
    "verdict_save",
    "watch_remove",
    "watchlist",
]
