"""Node positions for the network, computed once in Python so the page opens already laid out.

A plain Fruchterman-Reingold force layout with numpy (networkx's spring_layout needs scipy above
500 nodes, which Rasad does not depend on). Seeded, so the same graph always gets the same picture.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np


def force_layout(graph: nx.Graph, iterations: int = 200, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions in [0, 1] × [0, 1] for every node; edge weight `count` pulls harder (log-scaled)."""
    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.5, 0.5)}
    index = {node: i for i, node in enumerate(nodes)}
    weights = np.zeros((n, n))
    for u, v, data in graph.edges(data=True):
        if u != v:
            w = 1.0 + 0.3 * math.log1p(data.get("count", 1))
            weights[index[u], index[v]] += w
            weights[index[v], index[u]] += w
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.6 / math.sqrt(n)
    temperature = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 0.01)
        force = (k * k / dist**2 - weights * dist / k)  # repulsion minus attraction, per unit vector
        disp = np.einsum("ij,ijk->ik", force, delta)
        disp += (0.5 - pos) * 0.02 * n ** 0.5  # gentle gravity keeps separate components on screen
        length = np.maximum(np.linalg.norm(disp, axis=-1), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= 0.975
    pos -= pos.min(axis=0)
    pos /= np.maximum(pos.max(axis=0), 1e-9)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos, strict=True)}
