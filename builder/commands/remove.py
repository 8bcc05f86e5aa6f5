"""`rasad remove`: drop articles' named graphs from a store."""
from __future__ import annotations

import argparse
import sys

from ..plural import plural


def cmd_remove(args: argparse.Namespace) -> int:
    from ..store import Store

    store = Store.open(args.store, create=False)
    missing = [i for i in args.ids if not store.remove_article(i)]
    for article_id in missing:
        print(f"rasad: {args.store}: no article {article_id!r} in the store", file=sys.stderr)
    store.flush()
    print(f"removed {plural(len(args.ids) - len(missing), 'article')} from {args.store}; "
          f"{plural(len(store.articles()), 'article')}, {plural(store.count(), 'triple')} left", file=sys.stderr)
    return 1 if missing else 0


def register(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("remove", help="drop articles (by id) from a store")
    r.add_argument("ids", nargs="+", metavar="ID", help="article ids, as `rasad build` named them")
    r.add_argument("--store", metavar="DIR", required=True, help="the store directory")
    r.set_defaults(func=cmd_remove)
